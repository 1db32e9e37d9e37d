using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// One emission, as a sequence of jobs each done in its own type: the procedure's arguments
/// (<see cref="ProcedureArguments"/>), the outputs and the nodes they need (<see cref="EmitGraph"/>),
/// the string values they write (<see cref="StringValues"/>),
/// the table names (<see cref="OutputTableNames"/>), how each node is reached as the plan says
/// (<see cref="Relations"/>), each step's query (<see cref="StatementQueries"/>), and the text of
/// the mode (<see cref="ScriptAssembly"/>). Diagnostics are reported in that order.
/// </summary>
internal static class ScriptBuilder
{
    public static EmitResult Build(Workflow workflow, Dialect dialect, EmitOptions options)
    {
        var early = new DiagnosticBag();
        var arguments = ProcedureArguments.Prepare(workflow, dialect, options.Mode, early);
        var context = new EmitContext(workflow, dialect, options, arguments.ByParameter);
        context.Diagnostics.AddRange(early.ToImmutable());
        if (early.HasErrors) return Result(context, null);

        var graph = new EmitGraph(workflow, options.Mode);
        // A procedure call is a root as a sink is: a script that only calls one is not empty.
        if (graph.Outputs.Count == 0 && !graph.Needed.Any(id => workflow[id] is OpaqueNode { RunsUnread: true }))
            context.Report(DiagnosticCodes.NothingToEmit, null, $"Workflow '{workflow.Name}' has no output: the {options.Mode.ToString().ToLowerInvariant()} is empty.",
                options.Mode == EmitMode.Query ? "" : "add a step that writes a table");
        foreach (var id in graph.Needed)
            if (workflow[id] is OpaqueNode { SqlTemplate: null, WritesTable: false } unknown)
                context.Report(DiagnosticCodes.UnknownComponentNotEmittable, unknown,
                    $"Step '{unknown.Name}' uses component '{unknown.Component}', which cwf cannot compile to {dialect.DisplayName} SQL.",
                    "replace it with native components or a custom SQL step that computes the same result");

        ToolboxProcedureCalls.Check(graph, context);
        StringValues.Check(graph, context);
        var tables = OutputTableNames.Normalize(graph, context);
        var relations = new Relations(graph, context, tables);
        var queries = new StatementQueries(graph, context, relations);
        if (context.Diagnostics.HasErrors) return Result(context, null);

        var sql = new ScriptAssembly(graph, context, relations, queries, arguments).Text();
        return Result(context, context.Diagnostics.HasErrors ? null : sql);
    }

    private static EmitResult Result(EmitContext context, string? sql) => new(sql, context.Diagnostics.ToImmutable());
}
