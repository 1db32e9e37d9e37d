using System.Collections.Immutable;
using Cwf.Diagnostics;
using Cwf.Emit;
using Cwf.Ir;

namespace Cwf.Tests.Emit;

/// <summary>Renders one expression or aggregate in a dialect, through the emitter's own writer, with the diagnostics it reports.</summary>
internal static class FunctionRendering
{
    private static readonly Workflow Empty = new("functions", [], []);
    private static readonly RelNode Step = new ScanNode(1, "step", new TableName(["t"]), Schema.Empty);

    public static (string Sql, ImmutableArray<Diagnostic> Diagnostics) Render(Dialect dialect, Expr expr)
    {
        var context = new EmitContext(Empty, dialect, EmitOptions.Default, new Dictionary<string, string>());
        var sql = new ExpressionWriter(context, Step, ExpressionWriter.Unqualified(dialect)).Write(expr).Text;
        return (sql, context.Diagnostics.ToImmutable());
    }

    public static string RenderAggregate(Dialect dialect, AggregateCall call)
    {
        var b = new WorkflowBuilder("aggregate");
        var columns = new List<Column>();
        foreach (var c in call.Expressions.SelectMany(Predicates.Columns).DistinctBy(c => c.Name)) columns.Add(new Column(c.Name, c.Type));
        var scan = b.Scan(new TableName(["t"]), new Schema(columns.ToSeq()), "t");
        b.Aggregate(scan.Id, [], [call], "agg");
        var result = SqlEmitter.Emit(b.ToWorkflow(), dialect, new EmitOptions { Mode = EmitMode.Query });
        var line = result.Sql!.Split('\n').Single(l => l.TrimEnd().EndsWith(" AS a", StringComparison.Ordinal));
        return line.Trim()[..^" AS a".Length];
    }
}
