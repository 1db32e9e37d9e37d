using Cwf.Binding;
using Cwf.Ir;

namespace Cwf.LanguageServer.Features;

/// <summary>One meaning of a function name: its signature, what it does, and how each dialect writes it (built when shown: hover, not completion).</summary>
public sealed record FunctionSignature(string Signature, string Description, Func<string> Dialects);

/// <summary>How a callable name reads in completion and hover: <c>buffer(geography, numeric) → geography</c> and what it does.</summary>
public static class FunctionSignatures
{
    /// <summary>One entry per candidate the name may mean (an alias can have several), or null for an unknown name.</summary>
    public static IReadOnlyList<FunctionSignature>? Of(string name)
    {
        if (FunctionCatalog.FindAggregate(name) is { } aggregate)
            return [new($"{name}(value) → aggregate", $"aggregate function ({aggregate}); in group by and summarize", () => DialectFunctionNotes.Of(aggregate))];
        if (FunctionCatalog.IsConditional(name))
            return [new($"{name}(condition, then, else) → common type", "conditional: the second argument when the first is true, else the third", () => "")];
        if (FunctionCatalog.Find(name) is not { } candidates) return null;
        return [.. candidates.Select(f => new FunctionSignature(Signature(name, f), f.Description, () => DialectFunctionNotes.Of(f)))];
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
