using System.Text;
using Cwf.Emit;
using Cwf.Ir;

namespace Cwf.Benchmarks.SpatialSql;

/// <summary>
/// The baseline: SQL in the style canvas products run a workflow (shared/reference/canvas-format.md
/// section 6): every step of the workflow as bound, unoptimized, computed into a temporary table
/// of its own, in order, each statement committed on its own; no index and no statistics on
/// the temporary tables; each output copied from its step's table; the tables dropped at the end.
/// The SELECT of each step is the one cwf writes, so the comparison measures the execution
/// strategy, not the quality of the per-step SQL. (Canvas products also merge simple chains into
/// CTEs; that saves little, shared/design/performance.md.)
/// </summary>
internal static class CanvasStyleScript
{
    public static string Write(Workflow workflow, Dialect dialect)
    {
        var tables = new Dictionary<int, string>();
        string Relation(int id) => tables.TryGetValue(id, out var table) ? table : dialect.TableName(((ScanNode)workflow[id]).Table);
        var context = new EmitContext(workflow, dialect, EmitOptions.Default, new Dictionary<string, string>());
        var writer = new QueryWriter(context, Relation);

        var sb = new StringBuilder().Append("-- Workflow '").Append(workflow.Name).Append("': one temporary table per step.\n");
        var schemas = workflow.Sinks.Select(s => s.Table.Schema).OfType<string>().Distinct();
        foreach (var schema in schemas) Append(sb, dialect.CreateSchema(dialect.Identifier(schema)));
        foreach (var node in workflow.Nodes)
        {
            switch (node)
            {
                // A scan whose columns cwf reads through a query (geographies repaired where invalid) is a step too.
                case ScanNode scan when dialect.AdaptsInput(scan.Schema):
                    tables[node.Id] = $"wf_step_{node.Id}";
                    Append(sb, dialect.CreateTemporaryTable(tables[node.Id], writer.ReadTable(scan.Schema, dialect.TableName(scan.Table))));
                    break;
                case ScanNode:
                    break;
                case SinkNode sink:
                    foreach (var statement in dialect.CreateTableAs(dialect.TableName(sink.Table), writer.SelectAll(sink.Schema, Relation(sink.Input), forStorage: true)))
                        Append(sb, statement);
                    break;
                default:
                    tables[node.Id] = $"wf_step_{node.Id}";
                    Append(sb, dialect.CreateTemporaryTable(tables[node.Id], writer.Write(node)));
                    break;
            }
        }
        foreach (var table in tables.Values.Reverse()) Append(sb, dialect.DropTemporaryTable(table));
        if (context.Diagnostics.HasErrors)
            throw new InvalidOperationException(string.Join("\n", context.Diagnostics.ToImmutable()));
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, SqlBlock statement)
    {
        sb.Append('\n');
        statement.Suffix(";").WriteTo(sb);
    }
}
