using System.Text;
using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// The table names of one emission as the dialect can write them: each scanned and written table
/// cut to the parts the warehouse allows (<c>CWF6031</c>), and the output tables and columns
/// checked against its identifier length (<c>CWF6030</c>); each problem reported once.
/// </summary>
internal static class OutputTableNames
{
    /// <summary>The table of every needed scan and sink, by node id.</summary>
    public static Dictionary<int, TableName> Normalize(EmitGraph graph, EmitContext context)
    {
        var tables = new Dictionary<int, TableName>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in graph.Needed)
        {
            var node = context.Workflow[id];
            if (node is ScanNode scan) tables[id] = Kept(scan.Table, node, context, reported);
            else if (node is SinkNode sink) tables[id] = Kept(sink.Table, node, context, reported);
        }
        foreach (var sink in graph.Sinks)
        {
            foreach (var part in tables[sink.Id].Parts) CheckLength(part, sink, "table name part", context, reported);
            if (!sink.Schema.IsOpen)
                foreach (var column in sink.Schema.Columns) CheckLength(column.Name, sink, "column", context, reported);
        }
        return tables;
    }

    private static TableName Kept(TableName table, RelNode node, EmitContext context, HashSet<string> reported)
    {
        var dialect = context.Dialect;
        var kept = dialect.KeptParts(table);
        if (kept == table) return table;
        if (reported.Add("parts|" + table))
            context.Report(Diagnostics.DiagnosticCodes.TableNamePartDropped, node,
                $"{dialect.DisplayName} names tables with at most {dialect.Capabilities.MaxTableNameParts} parts: '{table}' in step '{node.Name}' is written as '{kept}'.",
                "the first part names another database; connect to it instead");
        return kept;
    }

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
