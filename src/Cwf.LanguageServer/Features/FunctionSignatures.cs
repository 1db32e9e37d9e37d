using Cwf.Binding;
using Cwf.Ir;

namespace Cwf.LanguageServer.Features;

/// <summary>How a callable name reads in completion and hover: <c>buffer(geography, numeric) → geography</c> and what it does.</summary>
public static class FunctionSignatures
{
    /// <summary>One line per candidate the name may mean (an alias can have several), or null for an unknown name.</summary>
    public static IReadOnlyList<(string Signature, string Description)>? Of(string name)
    {
        if (FunctionCatalog.FindAggregate(name) is { } aggregate)
            return [($"{name}(value) → aggregate", $"aggregate function ({aggregate}); in group by and summarize")];
        if (FunctionCatalog.IsConditional(name)) return [($"{name}(condition, then, else) → common type", "conditional: the second argument when the first is true, else the third")];
        if (FunctionCatalog.Find(name) is not { } candidates) return null;
        return [.. candidates.Select(f => (Signature(name, f), f.Description))];
    }

    private static string Signature(string name, BuiltinFunction function)
    {
        var parameters = function.Parameters.Select((kind, i) => i < function.MinArgs ? Kind(kind) : "[" + Kind(kind) + "]").ToList();
        if (function.Variadic) parameters.Add("...");
        var result = function.Result switch
        {
            ResultRule.Fixed => function.FixedType.Name(),
            ResultRule.SameAsFirst => "type of the first argument",
            _ => "common type of the arguments",
        };
        return $"{name}({string.Join(", ", parameters)}) → {result}";
    }

    private static string Kind(ArgKind kind) => kind == ArgKind.Common ? "value" : kind.ToString().ToLowerInvariant();
}
