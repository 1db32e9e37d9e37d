using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.customsql</c>: a SELECT over up to three inputs (<c>$a</c>, <c>$b</c>, <c>$c</c>) kept as written;
/// <c>sql [with b, c] "select ... from $a" [returns { ... }]</c>. Its result columns are declared, inferred
/// from a plain select list, or unknown (contract 5a.12).
/// </summary>
public sealed partial class CustomSqlComponent : StepComponent
{
    /// <summary>The id, also the opaque node's component: the IR keeps the SQL under it.</summary>
    internal const string ComponentId = "native.customsql";

    public override string Id => ComponentId;
    public override string Title => "Custom SQL";
    public override ComponentCategory Category => ComponentCategory.CustomSql;
    public override Seq<ComponentPort> Inputs { get; } = [new("sourcea"), new("sourceb", Required: false), new("sourcec", Required: false)];
    public override Seq<ComponentParameter> Parameters { get; } = [new("sql", ParameterKind.StringSql)];
    public override Seq<string> Keywords { get; } = ["sql"];

    public override ComponentDoc Doc { get; } = new(
        "`a \\| sql [with b, c] \"...\" [returns { ... }]` (`$a` is the piped relation)",
        "custom SQL `Opaque` node over sourcea, sourceb, sourcec",
        "declared, or unknown");

    public override void Lower(CanvasLoweringContext cx)
    {
        var connected = Inputs.Select((port, index) => (Index: index, Edges: cx.Inputs(port.Name))).Where(p => p.Edges.Count > 0).ToList();
        if (cx.Values.Text("sql") is not { } sql) return;
        cx.Output("result", cx.Query(sql, [.. connected.Select(c => (c.Index, c.Edges[0].Node))]));
    }

    public override StepSyntax Decompile(ComponentDecompilingContext cx)
    {
        var opaque = (OpaqueNode)cx.Ir("result")!;
        var others = Inputs.Skip(1).SelectMany(p => cx.InputNames(p.Name));
        return new SqlStepSyntax(others.ToSeq(), opaque.SqlTemplate!, opaque.Schema.IsOpen ? null : DecompiledSyntax.Declarations(opaque.Schema));
    }

    public override StepBinding? Bind(StepSyntax step, StepBinding cx)
    {
        var s = (SqlStepSyntax)step;
        var others = s.Inputs.Select(cx.Relation).ToList();
        Schema? schema = s.Schema is { } declared ? cx.DeclaredSchema(declared, "the sql step") : null;
        bool ok = !others.Any(o => o is null) && (s.Schema is null || schema is not null);
        if (!PlaceholdersBound(s.Sql, 1 + s.Inputs.Count, cx, "sql") || !ok) return null;
        var nodes = new List<int> { cx.Node };
        nodes.AddRange(others.Select(o => o!.Node));
        return cx.Reshaped(ComponentLowering.CustomSql(cx.Lowering, nodes, s.Sql, schema, cx.Step));
    }

    public override void Check(StepSyntax step, StepBinding open)
    {
        foreach (var input in ((SqlStepSyntax)step).Inputs) open.Relation(input);
    }

    /// <summary>Whether every <c>$x</c> of <paramref name="sql"/> names one of the step's inputs; CWF2027 for the first that does not.</summary>
    internal static bool PlaceholdersBound(string sql, int inputCount, StepBinding cx, string keyword)
    {
        foreach (Match m in Placeholder().Matches(sql))
        {
            int index = char.ToLowerInvariant(m.Groups[1].Value[0]) - 'a';
            if (index < inputCount) continue;
            cx.Diagnostics.Report(DiagnosticCodes.InvalidSqlPlaceholder, cx.Step.Origin,
                $"{m.Value} has no input: this {keyword} step has {inputCount} ({string.Join(", ", Enumerable.Range(0, inputCount).Select(OpaqueNode.Placeholder))})",
                $"$a is the piped relation; add others with '{keyword} with b \"...\"'");
            return false;
        }
        return true;
    }

    [GeneratedRegex(@"\$([a-zA-Z])(?![a-zA-Z0-9_])")]
    private static partial Regex Placeholder();
}

public static partial class ComponentLowering
{
    /// <summary>
    /// <c>native.customsql</c>: a SELECT over up to three inputs ($a, $b, $c). With no known result
    /// schema the schema is open and later columns pass unchecked (a warning says so).
    /// </summary>
    public static int? CustomSql(LoweringContext cx, IReadOnlyList<int> inputs, string sql, Schema? resultSchema, StepInfo step)
    {
        if (inputs.Count > 3)
        {
            cx.Diagnostics.Report(DiagnosticCodes.TooManyCustomSqlInputs, step.Origin, $"custom SQL has {inputs.Count} inputs");
            return null;
        }
        if (resultSchema is null)
            cx.Diagnostics.Report(DiagnosticCodes.UncheckedSchema, step.Origin,
                "the result columns of this custom SQL are unknown, so columns used after it are not checked",
                "declare the result schema");
        return cx.Builder.Opaque(inputs, CustomSqlComponent.ComponentId, sql, resultSchema ?? Schema.Open,
            ImmutableSortedDictionary<string, string>.Empty, step.Name, step.Origin).Id;
    }
}
