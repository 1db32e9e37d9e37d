using System.Collections.Immutable;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.call</c> (Call procedure): a CALL statement the warehouse runs as a step of the script, after its
/// inputs. <c>$a</c>, <c>$b</c> name the tables that hold the inputs, <c>$output</c> the table the procedure must
/// create; the following steps read that table, and the script drops it at the end. A call nothing reads still
/// runs. <c>a | call [with b] "CALL p($a, $output)" [returns { ... }]</c>.
/// </summary>
public sealed class CallComponent : StepComponent
{
    /// <summary>The id, also the opaque node's component.</summary>
    internal const string ComponentId = "native.call";

    public override string Id => ComponentId;
    public override string Title => "Call procedure";
    public override ComponentCategory Category => ComponentCategory.CustomSql;
    // No public export shows the input names: these follow native.customsql's.
    public override Seq<ComponentPort> Inputs { get; } = [new("sourcea"), new("sourceb", Required: false)];
    public override Seq<ComponentParameter> Parameters { get; } = [new("sql", ParameterKind.StringSql)];
    public override Seq<string> Keywords { get; } = ["call"];

    public override ComponentDoc Doc { get; } = new(
        "`a \\| call [with b] \"CALL p($a, $b, $output)\" [returns { ... }]`",
        "`Opaque` running the CALL statement over sourcea, sourceb; reads the table `$output`",
        "declared, or unknown");

    public override void Lower(CanvasLoweringContext cx)
    {
        var connected = Inputs.Select((port, index) => (Index: index, Edges: cx.Inputs(port.Name))).Where(p => p.Edges.Count > 0).ToList();
        if (cx.Values.Text("sql") is not { } statement) return;
        cx.Output("result", cx.Call(statement, [.. connected.Select(c => (c.Index, c.Edges[0].Node))]));
    }

    public override StepSyntax Decompile(ComponentDecompilingContext cx)
    {
        var opaque = (OpaqueNode)cx.Ir("result")!;
        var others = Inputs.Skip(1).SelectMany(p => cx.InputNames(p.Name));
        return new CallStepSyntax(others.ToSeq(), opaque.Statement!, opaque.Schema.IsOpen ? null : DecompiledSyntax.Declarations(opaque.Schema));
    }

    public override StepBinding? Bind(StepSyntax step, StepBinding cx)
    {
        var s = (CallStepSyntax)step;
        var others = s.Inputs.Select(cx.Relation).ToList();
        Schema? schema = s.Schema is { } declared ? cx.DeclaredSchema(declared, "the call step") : null;
        bool ok = !others.Any(o => o is null) && (s.Schema is null || schema is not null);
        if (!CustomSqlComponent.PlaceholdersBound(s.Statement, 1 + s.Inputs.Count, cx, "call") || !ok) return null;
        var nodes = new List<int> { cx.Node };
        nodes.AddRange(others.Select(o => o!.Node));
        return cx.Reshaped(ComponentLowering.Call(cx.Lowering, nodes, s.Statement, schema, cx.Step));
    }

    public override void Check(StepSyntax step, StepBinding open)
    {
        foreach (var input in ((CallStepSyntax)step).Inputs) open.Relation(input);
    }

    /// <summary>
    /// CWF2212 for every call whose result a later step reads although its statement names no <c>$output</c>: the
    /// procedure creates no table cwf knows, so there would be nothing to read. Both front ends run it on the finished
    /// workflow, when every reader is known.
    /// </summary>
    public static void ReportUnnamedResults(Workflow workflow, DiagnosticBag diagnostics)
    {
        foreach (var node in workflow.Nodes)
        {
            // The readers only of such a call: listing them for every node of a long workflow made arrays as long as it.
            if (node is not OpaqueNode { Statement: not null, StatementNamesOutput: false } call || workflow.ReaderCount(call.Id) == 0) continue;
            var reader = workflow[workflow.Consumers()[call.Id][0]];
            diagnostics.Report(DiagnosticCodes.CallResultWithoutOutput, call.Origin ?? Location.None,
                $"step '{reader.Name}' reads the result of the procedure call '{call.Name}', but its statement names no $output, so the procedure creates no table to read",
                "write $output where the procedure takes the name of the table it creates (CALL p($a, $output)), or read nothing after the call");
        }
    }
}

public static partial class ComponentLowering
{
    /// <summary>
    /// <c>native.call</c>: a CALL statement over up to two inputs ($a, $b) whose rows are the table the procedure
    /// creates ($output). With no declared schema the schema is open and later columns pass unchecked (a warning says so).
    /// </summary>
    public static int? Call(LoweringContext cx, IReadOnlyList<int> inputs, string statement, Schema? resultSchema, StepInfo step)
    {
        if (inputs.Count > 2)
        {
            cx.Diagnostics.Report(DiagnosticCodes.TooManyCallInputs, step.Origin, $"the procedure call has {inputs.Count} inputs", "pass at most two tables ($a, $b); join others first");
            return null;
        }
        if (resultSchema is null)
            cx.Diagnostics.Report(DiagnosticCodes.UncheckedSchema, step.Origin,
                "the columns of the table this procedure creates are unknown, so columns used after it are not checked",
                "declare them with 'returns { ... }'");
        return cx.Builder.Opaque(inputs, CallComponent.ComponentId, null, resultSchema ?? Schema.Open,
            ImmutableSortedDictionary<string, string>.Empty, step.Name, step.Origin, statement: statement).Id;
    }
}
