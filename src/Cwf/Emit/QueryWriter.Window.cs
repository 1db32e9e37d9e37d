using System.Globalization;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>Window steps, and a filter over one written with QUALIFY where the warehouse has it.</summary>
internal sealed partial class QueryWriter
{
    private const string QualifiedAlias = "w";

    /// <summary>The alias of the input inside a k-means over an array (<see cref="Dialect.ClusterKMeansOverArray"/>), which reads it whole.</summary>
    private const string ArrayAlias = "cwf_all";

    /// <summary><c>SELECT columns, f(...) OVER (...) AS name FROM input</c>; the input aliased where a k-means subquery refers to the row.</summary>
    private SqlBlock WriteWindow(WindowNode w) =>
        Select(WindowItems(w, w.Schema), ClustersOverArray(w) ? $"{_relation(w.Input)} AS {QualifiedAlias}" : _relation(w.Input));

    private bool ClustersOverArray(WindowNode w) =>
        Dialect.ClusterKMeansOverArray is not null && w.Calls.Any(c => c.Function == WindowFunction.ClusterKMeans);

    /// <summary>
    /// A filter over a window step that only it reads, where the dialect has QUALIFY: the window's
    /// columns computed over the window's input and the filter's predicate, with each window column
    /// replaced by its window function, in QUALIFY (the window step then has no query of its own,
    /// <see cref="Relations.InputsRead"/>).
    /// </summary>
    private SqlBlock WriteQualified(FilterNode f, WindowNode w)
    {
        var writer = new ExpressionWriter(_context, f, c => w.Call(c.Name) is { } call ? "(" + Window(w, call).Text + ")" : Dialect.Identifier(c.Name));
        var predicate = writer.Write(f.Predicate);
        var condition = f.Branch == FilterBranch.Match ? predicate.Text : $"NOT COALESCE({predicate.Text}, FALSE)";
        var block = Select(WindowItems(w, f.Schema), $"{_relation(w.Input)} AS {QualifiedAlias}");
        foreach (var line in Dialect.Qualify(condition)!) block.Line(line);
        return block;
    }

    // Over an input whose columns are unknown (custom SQL without a schema), every input column and then the window columns.
    private IEnumerable<string> WindowItems(WindowNode w, Schema schema) => schema.IsOpen
        ? ["*", .. w.Calls.Select(call => Item(Window(w, call), call.Name))]
        : schema.Columns.Select(c => w.Call(c.Name) is { } call ? Item(Window(w, call), call.Name) : Dialect.Identifier(c.Name));

    /// <summary><c>F(arguments) OVER (PARTITION BY ... ORDER BY ... NULLS FIRST|LAST [ROWS BETWEEN ...])</c>: NULLs placed explicitly, the warehouses' defaults differ.</summary>
    private SqlFragment Window(WindowNode node, WindowCall call)
    {
        var writer = Expressions(node);
        var over = new List<string>();
        if (!call.PartitionBy.IsEmpty) over.Add("PARTITION BY " + string.Join(", ", call.PartitionBy.Select(e => writer.Write(e).ListItem)));
        // A constant key orders nothing (every row is a peer either way) and a bare integer could read as a position.
        var keys = call.OrderBy.Where(k => !IsConstant(k.Expr)).ToList();
        if (keys.Count > 0)
            over.Add("ORDER BY " + string.Join(", ", keys.Select(k => Dialect.SortKey(writer.Ordered(k.Expr).ListItem, k.Descending, k.NullsFirst))));
        if (Frame(node, call) is { } frame) over.Add(frame);
        var clause = $" OVER ({string.Join(" ", over)})";

        var function = call.Function;
        if (function.IsClustering()) return Cluster(node, call, writer, clause);
        if (function == WindowFunction.Lag || function == WindowFunction.Lead)
        {
            if (call.Arguments.Count > 2 && !Dialect.WindowOffsetDefaults)
                WindowUnavailable(node, call, $"{Dialect.DisplayName}'s {function.Name().ToUpperInvariant()} takes no default value",
                    $"leave the default out and write coalesce in a later derive (it then also replaces NULL values): derive x = coalesce({call.Name}, ...)");
        }
        if (AggregateOf(function) is { } aggregate)
            return Aggregate(writer, new AggregateCall(call.Name, aggregate, call.Arguments.IsEmpty ? null : call.Arguments[0]), clause);
        var name = function.Name().ToUpperInvariant();
        var arguments = string.Join(", ", call.Arguments.Select(a => writer.Write(a).ListItem));
        var sql = SqlFragment.Atom($"{name}({arguments}){clause}");
        // NTILE is an INTEGER on PostgreSQL: the column gets the IR's int64.
        return function == WindowFunction.Ntile ? writer.CastTo(sql, SqlType.Int64) : sql;
    }

    /// <summary><c>ST_ClusterKMeans(geo, k) OVER (...)</c> and the like, as the dialect writes them; an int64 column.</summary>
    private SqlFragment Cluster(WindowNode node, WindowCall call, ExpressionWriter writer, string clause)
    {
        if (call.Function == WindowFunction.ClusterKMeans && Dialect.ClusterKMeansOverArray is { } overArray)
            return ClusterOverArray(node, call, overArray, writer);
        var mapping = Dialect.ClusterWindow(call.Function);
        string function = call.Function.Name();
        if (!mapping.IsAvailable)
        {
            _context.ReportOnce(DiagnosticCodes.FunctionNotSupported, node,
                $"{Dialect.DisplayName} cannot compute {function}() in step '{node.Name}': {mapping.Unavailable}", mapping.Workaround ?? "");
            return SqlFragment.Atom("NULL");
        }
        ReportNotes(node, call, mapping);
        // The OVER clause is the template's last argument: a warehouse may wrap the window call (NULLIF ...).
        List<SqlFragment> arguments = [.. call.Arguments.Select(a => writer.Write(a)), SqlFragment.Atom(clause.Trim())];
        var sql = mapping.TemplateFor(arguments.Count, arguments.Count).Render(arguments);
        return writer.CastTo(SqlFragment.Atom(sql.Text), SqlType.Int64);
    }

    /// <summary>
    /// k-means as a subquery that clusters the whole input (<see cref="Dialect.ClusterKMeansOverArray"/>): the row's
    /// columns qualified by the step's alias, the input's by <see cref="ArrayAlias"/>, so that neither reads the
    /// other's, nor a field of the subquery's own rows.
    /// </summary>
    private SqlFragment ClusterOverArray(WindowNode node, WindowCall call, FunctionMapping mapping, ExpressionWriter writer)
    {
        ReportNotes(node, call, mapping);
        var row = new ExpressionWriter(_context, node, c => QualifiedAlias + "." + Dialect.Identifier(c.Name));
        var all = new ExpressionWriter(_context, node, c => ArrayAlias + "." + Dialect.Identifier(c.Name));
        List<SqlFragment> arguments =
        [
            row.Write(call.Arguments[0]), row.Write(call.Arguments[1]),
            SqlFragment.Atom($"{_relation(node.Input)} AS {ArrayAlias}"), all.Write(call.Arguments[0]),
        ];
        var template = mapping.TemplateFor(arguments.Count, arguments.Count);
        var sql = template.Render(arguments, template.CallsToolbox ? _context.Toolbox(node, "st_clusterkmeans()") : null);
        return writer.CastTo(SqlFragment.Atom(sql.Text), SqlType.Int64);
    }

    private void ReportNotes(WindowNode node, WindowCall call, FunctionMapping mapping)
    {
        foreach (var note in mapping.Notes)
            _context.ReportOnce(note.Descriptor, node, $"{Dialect.DisplayName}: {call.Function.Name()}() in step '{node.Name}' {note.Message}", note.Hint ?? "");
    }

    /// <summary>
    /// The frame as written; without one, the standard default (no frame clause), except where the
    /// dialect needs one spelled out: first_value reads the same first row with a row frame.
    /// </summary>
    private string? Frame(WindowNode node, WindowCall call)
    {
        if (call.Function.IsPositional()) return null;
        if (call.Frame is { } frame) return $"ROWS BETWEEN {Bound(frame.Start)} AND {Bound(frame.End)}";
        if (call.OrderBy.IsEmpty || Dialect.DefaultWindowFrames) return null;
        if (call.Function == WindowFunction.FirstValue) return "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW";
        WindowUnavailable(node, call, $"{Dialect.DisplayName} has no frame of a row and its peers (RANGE), which {call.Function.Name()} over an order without a frame reads",
            $"write the frame: {call.Function.Name()}(...) over (... rows between unbounded preceding and current row) (rows, not peers: tied rows then differ)");
        return null;
    }

    private static string Bound(FrameBound bound) => bound.Kind switch
    {
        FrameBoundKind.UnboundedPreceding => "UNBOUNDED PRECEDING",
        FrameBoundKind.Preceding => bound.Offset.ToString(CultureInfo.InvariantCulture) + " PRECEDING",
        FrameBoundKind.CurrentRow => "CURRENT ROW",
        FrameBoundKind.Following => bound.Offset.ToString(CultureInfo.InvariantCulture) + " FOLLOWING",
        _ => "UNBOUNDED FOLLOWING",
    };

    private static AggregateFunction? AggregateOf(WindowFunction function) => function switch
    {
        WindowFunction.Sum => AggregateFunction.Sum,
        WindowFunction.Avg => AggregateFunction.Avg,
        WindowFunction.Min => AggregateFunction.Min,
        WindowFunction.Max => AggregateFunction.Max,
        WindowFunction.Count => AggregateFunction.Count,
        WindowFunction.CountAll => AggregateFunction.CountAll,
        _ => null,
    };

    private void WindowUnavailable(WindowNode node, WindowCall call, string why, string hint) =>
        _context.Report(DiagnosticCodes.WindowNotSupported, node, $"{Dialect.DisplayName} cannot compute window column '{call.Name}' in step '{node.Name}': {why}.", hint);
}
