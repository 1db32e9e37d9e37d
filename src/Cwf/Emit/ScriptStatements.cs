using System.Text;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Planning;

namespace Cwf.Emit;

/// <summary>
/// The statements of a script or procedure body, in the order they must run: the check that the
/// script runs in the database its table names name and the lock that makes concurrent runs
/// wait (where the dialect has them), missing output schemas, the temporary relations (a spatial
/// join's indexed side before the join is read), one statement per output (replace, as the
/// replace strategy says, or append), the data checks (which may read the temporary relations),
/// then the drops of the temporary relations.
/// </summary>
internal static class ScriptStatements
{
    public static List<SqlBlock> For(EmitGraph graph, EmitContext context, Relations relations, StatementQueries queries)
    {
        var dialect = context.Dialect;
        var statements = new List<SqlBlock>();
        statements.AddRange(Guards(graph, context, relations));
        statements.AddRange(SchemaStatements(graph, dialect, relations));

        var cleanup = new List<SqlBlock>();
        foreach (var id in relations.Materialized.Keys.Union(relations.SpatialJoins.Keys).OrderBy(graph.Position))
        {
            if (relations.SpatialJoins.TryGetValue(id, out var planned)) statements.AddRange(SpatialJoinStatements.Setup(planned, context, queries, cleanup));
            if (!relations.Materialized.TryGetValue(id, out var name)) continue;
            if (context.Workflow[id] is OpaqueNode { Call: { } call } step)
            {
                statements.AddRange(ToolboxProcedureCalls.Statements(step, call, name, context, queries));
                // A table the workflow names (a tileset) is its result, kept as an output's is.
                if (call.Destination is null) cleanup.Add(dialect.DropTemporaryTable(name));
                continue;
            }
            if (context.Workflow[id] is OpaqueNode { Statement: { } statement } procedure)
            {
                statements.Add(ToolboxProcedureCalls.UserCall(procedure, statement, name, context, relations));
                if (procedure.StatementNamesOutput) cleanup.Add(dialect.DropTable(name));
                continue;
            }
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
            else statements.AddRange(Replace(sink, relations, query, context));
        }

        for (int i = 0; i < graph.Checks.Count; i++)
        {
            var check = graph.Checks[i];
            var measure = context.Workflow[check.Input].Schema[0].Name;
            var written = new CheckQuery(check.Check, queries.For(check.Input, forStorage: false), dialect.Identifier(measure), check.Low, check.High, i + 1);
            if (!dialect.StringsHoldNul && check.Check.Contains('\0'))
                context.Report(DiagnosticCodes.NulInText, check, $"The name of data check '{check.Check.Replace('\0', ' ')}' holds a NUL, which {dialect.DisplayName} text cannot hold.",
                    "rename the columns the check names");
            else if (dialect.CheckProblem(written) is { } problem)
                context.Report(DiagnosticCodes.CheckBodyConflict, check, problem, "rename the columns the check names so that they hold no $$");
            else statements.AddRange(dialect.CheckStatements(written, context.Options.Mode == EmitMode.Procedure));
        }

        cleanup.Reverse();
        statements.AddRange(cleanup);
        return statements;
    }

    /// <summary>The statements that replace a sink's table, as the replace strategy says.</summary>
    private static IEnumerable<SqlBlock> Replace(SinkNode sink, Relations relations, SqlBlock query, EmitContext context)
    {
        var dialect = context.Dialect;
        var table = relations.Table(sink.Id);
        switch (context.Options.ReplaceStrategy)
        {
            case ReplaceStrategy.Swap:
                return dialect.SwapTableAs(relations.TableNameOf(sink.Id), query);
            case ReplaceStrategy.Cascade when dialect.CreateTableAsDroppingDependents(table, query) is { } cascade:
                return cascade;
            case ReplaceStrategy.Cascade:
                context.Report(DiagnosticCodes.ReplaceStrategyNotSupported, sink,
                    $"{dialect.DisplayName} has no DROP TABLE ... CASCADE that drops the views reading a table, so step '{sink.Name}' cannot replace '{relations.TableNameOf(sink.Id)}' with --replace-strategy cascade.",
                    $"{dialect.DisplayName} views name the tables they read and find them again when queried, so the default strategy (drop) keeps them working: leave --replace-strategy out");
                return [];
            default:
                return dialect.CreateTableAs(table, query);
        }
    }

    /// <summary>
    /// Before any DDL: the check that the script runs in the database its table names name
    /// (where the dialect cut that part off), and the lock that makes a concurrent run writing the
    /// same tables wait until this one commits, keyed on the sorted names of the tables written.
    /// </summary>
    private static IEnumerable<SqlBlock> Guards(EmitGraph graph, EmitContext context, Relations relations)
    {
        var dialect = context.Dialect;
        bool inProcedure = context.Options.Mode == EmitMode.Procedure;
        if (relations.Database is { } database && dialect.DatabaseCheck(database, inProcedure) is { } check) yield return check;
        var outputs = graph.Sinks.Select(s => relations.Table(s.Id)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (outputs.Count > 0 && dialect.OutputLock(LockKey(outputs), inProcedure) is { } outputLock) yield return outputLock;
    }

    /// <summary>A stable 64-bit key for a set of table names: FNV-1a over their UTF-8 text, one name per line.</summary>
    internal static long LockKey(IReadOnlyList<string> sortedTables)
    {
        ulong hash = 14695981039346656037;
        foreach (byte b in Encoding.UTF8.GetBytes(string.Join("\n", sortedTables)))
        {
            hash ^= b;
            hash *= 1099511628211;
        }
        return unchecked((long)hash);
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
