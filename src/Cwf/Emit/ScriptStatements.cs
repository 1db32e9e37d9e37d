using Cwf.Ir;
using Cwf.Planning;

namespace Cwf.Emit;

/// <summary>
/// The statements of a script or procedure body, in the order they must run: missing output
/// schemas, the temporary relations (a spatial join's indexed side before the join is read), one
/// statement per output (replace or append), then the drops of the temporary relations.
/// </summary>
internal static class ScriptStatements
{
    public static List<SqlBlock> For(EmitGraph graph, EmitContext context, Relations relations, StatementQueries queries)
    {
        var dialect = context.Dialect;
        var statements = new List<SqlBlock>();
        statements.AddRange(SchemaStatements(graph, dialect, relations));

        var cleanup = new List<SqlBlock>();
        foreach (var id in relations.Materialized.Keys.Union(relations.SpatialJoins.Keys).OrderBy(graph.Position))
        {
            if (relations.SpatialJoins.TryGetValue(id, out var planned)) statements.AddRange(SpatialJoinStatements.Setup(planned, context, queries, cleanup));
            if (!relations.Materialized.TryGetValue(id, out var name)) continue;
            var query = queries.For(id, forStorage: false, materializing: true);
            if (relations.Kind(id) == Materialization.TempTable)
            {
                statements.Add(dialect.CreateTemporaryTable(name, query));
                statements.AddRange(dialect.AfterMaterialize(name, context.Workflow[id].Schema));
                cleanup.Add(dialect.DropTemporaryTable(name));
            }
            else
            {
                statements.Add(dialect.CreateView(name, query));
                cleanup.Add(dialect.DropView(name));
            }
        }

        foreach (var output in graph.Outputs)
        {
            var sink = output.Sink!;
            var table = relations.Table(sink.Id);
            var query = queries.For(output.Source, forStorage: true);
            if (sink.Mode == WriteMode.Append)
            {
                statements.AddRange(dialect.CreateTableForAppend(table, sink.Schema, query));
                statements.Add(dialect.InsertInto(table, sink.Schema.IsOpen ? [] : [.. sink.Schema.Names.Select(dialect.Identifier)], query));
            }
            else statements.AddRange(dialect.CreateTableAs(table, query));
        }

        cleanup.Reverse();
        statements.AddRange(cleanup);
        return statements;
    }

    /// <summary>The schemas of the outputs, each once, where the dialect creates missing ones (not its default schemas).</summary>
    private static IEnumerable<SqlBlock> SchemaStatements(EmitGraph graph, Dialect dialect, Relations relations)
    {
        var schemas = new List<string>();
        foreach (var sink in graph.Sinks)
        {
            var table = relations.TableNameOf(sink.Id);
            if (table.Parts.Count < 2 || dialect.DefaultSchemas.Contains(table.Schema!, StringComparer.OrdinalIgnoreCase)) continue;
            var schema = dialect.TableName(new TableName(table.Parts.Items.RemoveAt(table.Parts.Count - 1)));
            if (!schemas.Contains(schema)) schemas.Add(schema);
        }
        return schemas.Select(dialect.CreateSchema).OfType<SqlBlock>();
    }
}
