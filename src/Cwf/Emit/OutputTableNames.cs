using System.Text;
using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>The tables of one emission as the dialect writes them, and the database their dropped first part names.</summary>
/// <param name="ByNode">The table of every needed scan and sink, by node id, cut to the parts the dialect keeps.</param>
/// <param name="Database">The database part that was cut off (PostgreSQL names another database with it); null when none was.</param>
internal sealed record OutputTables(IReadOnlyDictionary<int, TableName> ByNode, string? Database);

/// <summary>
/// The table names of one emission as the dialect can write them: each scanned and written table
/// cut to the parts the warehouse allows (<c>CWF6031</c>; the script then checks that it runs in
/// the database the cut part named, and tables of two databases are <c>CWF6032</c>), and the
/// output tables and columns checked against its identifier length (<c>CWF6030</c>); each problem
/// reported once.
/// </summary>
internal static class OutputTableNames
{
    public static OutputTables Normalize(EmitGraph graph, EmitContext context)
    {
        var tables = new Dictionary<int, TableName>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        (string Name, RelNode Node)? database = null;
        foreach (var id in graph.Needed)
        {
            var node = context.Workflow[id];
            var table = node switch
            {
                ScanNode scan => scan.Table,
                SinkNode sink => sink.Table,
                _ => null,
            };
            if (table is null) continue;
            var kept = Kept(table, node, context, reported);
            tables[id] = kept;
            if (kept.Parts.Count == table.Parts.Count) continue;
            // The part before the kept ones names the database.
            var named = table.Parts[table.Parts.Count - kept.Parts.Count - 1];
            if (database is null) database = (named, node);
            else if (database.Value.Name != named && reported.Add("databases|" + named)) ReportTwoDatabases(database.Value, (named, node), context);
        }
        foreach (var sink in graph.Sinks)
        {
            foreach (var part in tables[sink.Id].Parts) CheckLength(part, sink, "table name part", context, reported);
            if (!sink.Schema.IsOpen)
                foreach (var column in sink.Schema.Columns) CheckLength(column.Name, sink, "column", context, reported);
        }
        return new OutputTables(tables, database?.Name);
    }

    private static TableName Kept(TableName table, RelNode node, EmitContext context, HashSet<string> reported)
    {
        var dialect = context.Dialect;
        var kept = dialect.KeptParts(table);
        if (kept == table) return table;
        var database = table.Parts[table.Parts.Count - kept.Parts.Count - 1];
        var checkedHow = context.Options.Mode == EmitMode.Query
            ? $"a query cannot check that it is '{database}'"
            : $"the script stops unless that is '{database}'";
        if (reported.Add("parts|" + table))
            context.Report(Diagnostics.DiagnosticCodes.TableNamePartDropped, node,
                $"{dialect.DisplayName} names tables with at most {dialect.Capabilities.MaxTableNameParts} parts: '{table}' in step '{node.Name}' is written as '{kept}', " +
                $"a table of the database the script connects to; {checkedHow}.",
                $"connect to database '{database}' to run it, or leave the database part out");
        return kept;
    }

    private static void ReportTwoDatabases((string Name, RelNode Node) first, (string Name, RelNode Node) second, EmitContext context) =>
        context.Report(Diagnostics.DiagnosticCodes.TablesInSeveralDatabases, second.Node,
            $"{context.Dialect.DisplayName} reads and writes the tables of one database, the one the script connects to, but step '{second.Node.Name}' " +
            $"names database '{second.Name}' and step '{first.Node.Name}' names database '{first.Name}'.",
            "name tables of one database only (or none: the database part can be left out), or split the workflow");

    private static void CheckLength(string name, RelNode node, string what, EmitContext context, HashSet<string> reported)
    {
        var dialect = context.Dialect;
        int bytes = Encoding.UTF8.GetByteCount(name);
        if (bytes <= dialect.Capabilities.MaxIdentifierBytes || !reported.Add("length|" + name)) return;
        context.Report(Diagnostics.DiagnosticCodes.IdentifierTooLong, node,
            $"The {what} '{name}' in step '{node.Name}' is {bytes} bytes long; {dialect.DisplayName} allows {dialect.Capabilities.MaxIdentifierBytes}.",
            "rename it: the warehouse would cut or reject it");
    }
}
