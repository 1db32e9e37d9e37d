using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// Writes the SELECT that computes one IR node from its inputs, which it reads through
/// <c>relation</c> (a CTE name, a temporary table, or the scanned table). One clause per line.
/// </summary>
internal sealed partial class QueryWriter : IRelNodeVisitor<SqlBlock>
{
    private const string LeftAlias = "l";
    private const string RightAlias = "r";
    private const string CustomAlias = "cwf_custom";

    private readonly EmitContext _context;
    private readonly Func<int, string> _relation;
    private readonly IReadOnlyDictionary<int, PlannedSpatialJoin> _spatialJoins;
    private readonly IReadOnlySet<int> _qualified;
    // One writer of each scope, reused node after node: a query writer writes one node's query at a time.
    private ExpressionWriter? _bare;
    private ExpressionWriter? _sides;
    // The text of the query being written: one query at a time, each finished (ToBlock) before the next starts.
    private readonly SqlLines _lines;

    /// <param name="spatialJoins">Joins and semi joins to write through their indexed side (QueryWriter.SpatialJoin.cs), by node id.</param>
    /// <param name="qualified">Filters written with QUALIFY over the window step they read (QueryWriter.Window.cs).</param>
    public QueryWriter(EmitContext context, Func<int, string> relation, IReadOnlyDictionary<int, PlannedSpatialJoin>? spatialJoins = null, IReadOnlySet<int>? qualified = null)
    {
        _context = context;
        _relation = relation;
        _spatialJoins = spatialJoins ?? new Dictionary<int, PlannedSpatialJoin>();
        _qualified = qualified ?? new HashSet<int>();
        _lines = new SqlLines(context.Texts);
    }

    private Dialect Dialect => _context.Dialect;

    /// <summary>Whether the node's query can be the main query of a statement (custom SQL is referenced instead).</summary>
    public static bool IsSelect(RelNode node) => node is not OpaqueNode;

    /// <summary>The query of a step; scans and sinks have none (a scan is read as its table, a sink is a statement).</summary>
    public SqlBlock Write(RelNode node) => node.Accept(this);

    SqlBlock IRelNodeVisitor<SqlBlock>.VisitScan(ScanNode node) => throw new InvalidOperationException($"A scan (%{node.Id}) is read as its table; it has no query.");
    SqlBlock IRelNodeVisitor<SqlBlock>.VisitValues(ValuesNode node) => WriteValues(node);
    SqlBlock IRelNodeVisitor<SqlBlock>.VisitFilter(FilterNode node) =>
        _qualified.Contains(node.Id) ? WriteQualified(node, (WindowNode)_context.Workflow[node.Input]) : WriteFilter(node);
    SqlBlock IRelNodeVisitor<SqlBlock>.VisitProject(ProjectNode node) => WriteProject(node);
    SqlBlock IRelNodeVisitor<SqlBlock>.VisitAggregate(AggregateNode node) => WriteAggregate(node);
    SqlBlock IRelNodeVisitor<SqlBlock>.VisitJoin(JoinNode node) =>
        _spatialJoins.TryGetValue(node.Id, out var planned) ? WritePlannedJoin(node, planned) : WriteJoin(node);
    SqlBlock IRelNodeVisitor<SqlBlock>.VisitSemiJoin(SemiJoinNode node) =>
        _spatialJoins.TryGetValue(node.Id, out var planned) ? WritePlannedSemiJoin(node, planned) : WriteSemiJoin(node);
    SqlBlock IRelNodeVisitor<SqlBlock>.VisitNearest(NearestNode node) => WriteNearest(node);
    SqlBlock IRelNodeVisitor<SqlBlock>.VisitUnionAll(UnionAllNode node) => WriteUnion(node);
    SqlBlock IRelNodeVisitor<SqlBlock>.VisitSort(SortNode node)
    {
        var order = OrderBy(node, node.Keys);
        var lines = SelectColumns(node.Schema, null, _relation(node.Input));
        return (order is null ? lines : lines.Line("ORDER BY ", order)).ToBlock();
    }
    SqlBlock IRelNodeVisitor<SqlBlock>.VisitLimit(LimitNode node) => WriteLimit(node);
    SqlBlock IRelNodeVisitor<SqlBlock>.VisitDistinct(DistinctNode node) => WriteDistinct(node);
    SqlBlock IRelNodeVisitor<SqlBlock>.VisitSink(SinkNode node) => throw new InvalidOperationException($"A sink (%{node.Id}) is written by its statement; it has no query.");
    SqlBlock IRelNodeVisitor<SqlBlock>.VisitCheck(CheckNode node) => throw new InvalidOperationException($"A check (%{node.Id}) is written by its statement; it has no query.");
    SqlBlock IRelNodeVisitor<SqlBlock>.VisitOpaque(OpaqueNode node) => WriteOpaque(node);
    SqlBlock IRelNodeVisitor<SqlBlock>.VisitWindow(WindowNode node) => WriteWindow(node);
    SqlBlock IRelNodeVisitor<SqlBlock>.VisitExplode(ExplodeNode node) => WriteExplode(node);

    /// <summary><c>SELECT columns FROM relation</c>; for storage, the columns as the dialect stores them (output tables).</summary>
    public SqlBlock SelectAll(Schema schema, string relation, bool forStorage)
    {
        if (schema.IsOpen) return Select(["*"], relation);
        return Select(schema.Columns.Select(c =>
        {
            var column = SqlFragment.Atom(Dialect.Identifier(c.Name));
            return Item(forStorage ? Dialect.OutputColumn(column, c) : column, c.Name);
        }), relation);
    }

    /// <summary>
    /// A source table as the queries read it, its stored columns decoded and its geographies
    /// repaired where invalid (<see cref="Dialect.SourceColumn"/>), each once per row.
    /// </summary>
    public SqlBlock ReadTable(Schema schema, string table)
    {
        var lines = _lines.Start().Line("SELECT");
        var columns = schema.Columns;
        for (int i = 0; i < columns.Count; i++)
            Item(lines.Begin(2), Dialect.SourceColumn(SqlFragment.Atom(Dialect.Identifier(columns[i].Name)), columns[i]), columns[i].Name).End(Comma(i, columns.Count));
        return OncePerRow(lines.Line("FROM ", table)).ToBlock();
    }

    /// <summary>The query, ended where the dialect needs it by the line that makes its computed columns computed once per row (<see cref="Dialect.OncePerRow"/>).</summary>
    private SqlBlock OncePerRow(SqlBlock query) => Dialect.OncePerRow is { } fence ? query.Line(fence) : query;

    private SqlLines OncePerRow(SqlLines query) => Dialect.OncePerRow is { } fence ? query.Line(fence) : query;

    private ExpressionWriter Expressions(RelNode node) => (_bare ??= new(_context, node, ExpressionWriter.Unqualified(Dialect))).For(node);

    /// <summary>A writer of a join's expressions, its columns qualified by the alias of their side.</summary>
    private ExpressionWriter JoinExpressions(RelNode node) => (_sides ??= new(_context, node, ExpressionWriter.Qualified(Dialect, LeftAlias, RightAlias))).For(node);

    private SqlBlock WriteFilter(FilterNode f)
    {
        // Written first (its diagnostics come first) and left in the expression buffer until its line: no string of its own.
        var writer = Expressions(f);
        int predicate = writer.Position;
        writer.Append(f.Predicate);
        // Unmatch keeps exactly the rows Match drops: false or NULL.
        bool match = f.Branch == FilterBranch.Match;
        var lines = SelectColumns(f.Schema, null, _relation(f.Input)).Begin(0).Add(match ? "WHERE " : "WHERE NOT COALESCE(").Add(writer.Written(predicate));
        writer.Forget(predicate);
        return (match ? lines : lines.Add(", FALSE)")).End().ToBlock();
    }

    private SqlBlock WriteProject(ProjectNode p)
    {
        var writer = Expressions(p);
        var lines = _lines.Start().Line("SELECT");
        var columns = p.Columns;
        for (int i = 0; i < columns.Count; i++)
        {
            int start = writer.Position;
            int precedence = writer.AppendColumn(columns[i].Expr);
            Item(lines.Begin(2), writer.Written(start), precedence, columns[i].Name).End(Comma(i, columns.Count));
            writer.Forget(start);
        }
        return lines.Line("FROM ", _relation(p.Input)).ToBlock();
    }

    private SqlBlock WriteAggregate(AggregateNode a)
    {
        var writer = Expressions(a);
        // A literal key is written typed (a bare 1 or TRUE in GROUP BY would be a column position or an error).
        var keys = a.Keys.Select(k => k.Expr is Literal { Value: not null } or ParamRef ? writer.CastTo(writer.WriteColumn(k.Expr), k.Expr.Type) : writer.WriteColumn(k.Expr)).ToList();
        var items = a.Keys.Select((k, i) => Item(keys[i], k.Name))
            .Concat(a.Aggregates.Select(call => Item(call.Function.IsSpatial() ? SpatialAggregate(a, writer, call) : Aggregate(writer, call), call.Name)));
        var block = Select(items, _relation(a.Input));
        if (keys.Count > 0) block.Line("GROUP BY " + string.Join(", ", keys.Select(k => k.ListItem)));
        return block;
    }

    /// <param name="over">An OVER clause that makes the aggregate a window function, written before any cast of the result.</param>
    private SqlFragment Aggregate(ExpressionWriter writer, AggregateCall call, string over = "")
    {
        var (template, castResult) = Dialect.Aggregates.For(call.Function, call.Argument?.Type);
        var argument = call.Argument;
        // MIN and MAX of a value typed by its literals are typed by them too (int4 on PostgreSQL).
        castResult |= call.Function is AggregateFunction.Min or AggregateFunction.Max && argument is { Type: SqlType.Int64 or SqlType.String } && writer.TypedByLiterals(argument);
        // AVG of integers is a float average (Redshift would truncate, PostgreSQL give numeric).
        if (call.Function == AggregateFunction.Avg && argument is { Type: SqlType.Int64 })
            argument = new Cast(argument, SqlType.Float64);
        bool ordered = call.Function is AggregateFunction.Min or AggregateFunction.Max && argument is { Type: SqlType.String };
        int start = writer.Position;
        int sql = argument is null ? writer.AppendTemplate(template) : ordered ? writer.AppendTemplateOrdered(template, argument) : writer.AppendTemplate(template, argument);
        if (over.Length > 0)
        {
            writer.Append(over);
            sql = Precedence.Atom;
        }
        // The result goes back to the default collation, so output columns keep the database's.
        if (ordered) sql = Dialect.CollationRestored(start, sql, writer);
        if (castResult) sql = writer.CastWritten(start, sql, call.Type);
        return writer.Take(start, sql);
    }

    /// <summary>A spatial aggregate by the dialect's template (<c>{0}</c> the geography, <c>{1}</c> the order keys), or NULL after reporting that the warehouse has none.</summary>
    private SqlFragment SpatialAggregate(AggregateNode node, ExpressionWriter writer, AggregateCall call)
    {
        var function = call.Function.CwfName();
        var mapping = Dialect.Aggregates.Spatial(call.Function);
        if (!mapping.IsAvailable)
        {
            _context.FunctionUnavailable(node, function, mapping);
            return SqlFragment.Atom("NULL");
        }
        foreach (var note in mapping.Notes) _context.FunctionNote(node, function, note);
        var keys = call.OrderBy.Where(k => !IsConstant(k.Expr)).Select(k => (writer.Ordered(k.Expr).ListItem, k.Descending, k.NullsFirst)).ToList();
        var argument = writer.Write(call.Argument!);
        return mapping.Templates[0].Render([argument, SqlFragment.Atom(Dialect.AggregateOrder(argument, keys))]);
    }

    private SqlBlock WriteJoin(JoinNode j) => j.Kind switch
    {
        JoinKind.Inner => Join(j, "INNER JOIN"),
        JoinKind.Left => Join(j, "LEFT JOIN"),
        JoinKind.Right => Join(j, "RIGHT JOIN"),
        _ when IsEquiJoin(j.Condition) => Join(j, "FULL OUTER JOIN"),
        _ => Dialect.NonEquiFullJoin(j, this),
    };

    /// <summary>The join as <c>FROM left AS l &lt;keyword&gt; right AS r ON condition</c>.</summary>
    public SqlBlock Join(JoinNode j, string keyword)
    {
        // Written first and left in the expression buffer until its line, as a filter's predicate.
        var writer = JoinExpressions(j);
        int condition = writer.Position;
        writer.Append(j.Condition);
        var lines = _lines.Start().Line("SELECT");
        var outputs = j.Outputs;
        for (int i = 0; i < outputs.Count; i++) JoinItem(lines.Begin(2), outputs[i]).End(Comma(i, outputs.Count));
        lines.Begin(0).Add("FROM ").Add(_relation(j.Left)).Add(" AS " + LeftAlias).End()
            .Begin(0).Add(keyword).Add(' ').Add(_relation(j.Right)).Add(" AS " + RightAlias).End()
            .Begin(2).Add("ON ").Add(writer.Written(condition)).End();
        writer.Forget(condition);
        return lines.ToBlock();
    }

    /// <summary>
    /// A full join as a left join, plus the right rows no left row matches with NULL left columns:
    /// the same rows, for warehouses whose FULL JOIN takes only hash- or merge-joinable conditions.
    /// </summary>
    public SqlBlock LeftJoinPlusUnmatchedRight(JoinNode j)
    {
        var condition = JoinCondition(j);
        var left = _context.Workflow[j.Left].Schema;
        var block = Select(JoinItems(j), $"{_relation(j.Left)} AS {LeftAlias}")
            .Line($"LEFT JOIN {_relation(j.Right)} AS {RightAlias}")
            .Line("ON " + condition, 2)
            .Line("UNION ALL");
        var rightOnly = j.Outputs.Select(o => o.Side == 1
            ? JoinItem(RightAlias, o)
            : Item(Dialect.Literal(null, left.Find(o.Column)?.Type ?? SqlType.Unknown), o.Name));
        block.Append(Select(rightOnly, $"{_relation(j.Right)} AS {RightAlias}"));
        return block.Append(NotExists(j.Left, condition));
    }

    private string JoinCondition(JoinNode j) =>
        JoinExpressions(j).Write(j.Condition).Text;

    private List<string> JoinItems(JoinNode j)
    {
        var items = new List<string>(j.Outputs.Count);
        foreach (var o in j.Outputs) items.Add(JoinItem(o.Side == 0 ? LeftAlias : RightAlias, o));
        return items;
    }

    private string JoinItem(string alias, JoinOutput output)
    {
        var column = alias + "." + Dialect.Identifier(output.Column);
        return output.Column == output.Name ? column : $"{column} AS {Dialect.Identifier(output.Name)}";
    }

    /// <summary>The select item of <see cref="JoinItem(string, JoinOutput)"/>, written at the end of <paramref name="lines"/> without a string of its own.</summary>
    private SqlLines JoinItem(SqlLines lines, JoinOutput output)
    {
        lines.Add(output.Side == 0 ? LeftAlias : RightAlias).Add('.').Add(Dialect.Identifier(output.Column));
        return output.Column == output.Name ? lines : lines.Add(" AS ").Add(Dialect.Identifier(output.Name));
    }

    private SqlBlock NotExists(int left, string condition) =>
        new SqlBlock()
            .Line("WHERE NOT EXISTS (")
            .Line("SELECT 1", 2)
            .Line($"FROM {_relation(left)} AS {LeftAlias}", 2)
            .Line("WHERE " + condition, 2)
            .Line(")");

    /// <summary>A conjunction of column equalities across the two sides: hash- and merge-joinable everywhere.</summary>
    private static bool IsEquiJoin(Expr condition)
    {
        var stack = new Stack<Expr>();
        stack.Push(condition);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case Binary { Op: BinaryOp.And } and:
                    stack.Push(and.Left);
                    stack.Push(and.Right);
                    break;
                case Binary { Op: BinaryOp.Equal, Left: ColumnRef a, Right: ColumnRef b } when a.Input != b.Input:
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    private SqlBlock WriteSemiJoin(SemiJoinNode s)
    {
        var writer = JoinExpressions(s);
        var condition = writer.Write(s.Condition).Text;
        return SelectColumns(s.Schema, LeftAlias, $"{_relation(s.Left)} AS {LeftAlias}")
            .Line(s.Anti ? "WHERE NOT EXISTS (" : "WHERE EXISTS (")
            .Line("SELECT 1", 2)
            .Line($"FROM {_relation(s.Right)} AS {RightAlias}", 2)
            .Line("WHERE ", condition, 2)
            .Line(")")
            .ToBlock();
    }

    private SqlBlock WriteUnion(UnionAllNode u)
    {
        // Each input's SELECT written into the union's text: a union of thousands of inputs is one text.
        var lines = _lines.Start();
        var writer = Expressions(u);
        var columns = u.Schema.Columns;
        for (int i = 0; i < u.Sources.Count; i++)
        {
            if (i > 0) lines.Line("UNION ALL");
            var input = _context.Workflow[u.Sources[i]].Schema;
            if (u.Schema.IsOpen || input.IsOpen)
            {
                lines.Line("SELECT *").Line("FROM ", _relation(u.Sources[i]));
                continue;
            }
            // By name, in the first input's order; a column of a narrower type is widened.
            lines.Line("SELECT");
            for (int k = 0; k < columns.Count; k++)
            {
                var c = columns[k];
                var source = input.Find(c.Name)!;
                var value = SqlFragment.Atom(Dialect.Identifier(source.Name));
                bool widen = source.Type != c.Type && source.Type != SqlType.Unknown && c.Type != SqlType.Unknown;
                Item(lines.Begin(2), widen ? writer.CastTo(value, c.Type) : value, c.Name).End(Comma(k, columns.Count));
            }
            lines.Line("FROM ", _relation(u.Sources[i]));
        }
        return lines.ToBlock();
    }

    private SqlBlock WriteLimit(LimitNode l) =>
        l.Count is ParamRef count && _context.IsProcedureArgument(count) ? Dialect.ArgumentLimit(l, this) : LimitClause(l);

    /// <summary><c>SELECT columns FROM input [ORDER BY keys] LIMIT count</c>.</summary>
    public SqlBlock LimitClause(LimitNode l)
    {
        var count = Expressions(l).Write(l.Count);
        var lines = SelectColumns(l.Schema, null, _relation(l.Input));
        // A limit keeps the first rows of a sorted input only if it sorts again: an ORDER BY in a
        // CTE does not order the query that reads it.
        if (InputOrder(l) is { } order) lines.Line("ORDER BY ", order);
        return lines.Line(Dialect.Limit(count)).ToBlock();
    }

    /// <summary>
    /// A limit for warehouses whose LIMIT takes only constants: the rows numbered in the input's
    /// order, and those numbered up to the count kept. <c>ROW_NUMBER</c> needs an order on some
    /// warehouses even where the input has none: <paramref name="unsortedOrder"/> is then the
    /// window's (null: an empty window).
    /// </summary>
    public SqlBlock NumberedLimit(LimitNode l, string? unsortedOrder)
    {
        var input = _context.Workflow[l.Input].Schema;
        var row = "cwf_row";
        for (int n = 2; input.Find(row) is not null; n++) row = "cwf_row_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var order = InputOrder(l) is { } keys ? "ORDER BY " + keys : unsortedOrder;
        var numbered = SelectList(["*", $"ROW_NUMBER() OVER ({order}) AS {row}"]).Line("FROM " + _relation(l.Input));
        return SelectList(Columns(l.Schema, null))
            .Line("FROM (")
            .Append(numbered, 2)
            .Line(") AS numbered")
            .Line($"WHERE {row} <= {Expressions(l).Write(l.Count).Text}");
    }

    /// <summary>The order of a limit's input: its sort keys when it is a sort, else null.</summary>
    private string? InputOrder(LimitNode l) => _context.Workflow[l.Input] is SortNode sort ? OrderBy(sort, sort.Keys) : null;

    private SqlBlock WriteDistinct(DistinctNode d)
    {
        var schema = d.Schema;
        if (Dialect.GeographyGrouping is not { } grouping || schema.IsOpen || !schema.Columns.Any(c => c.Type == SqlType.Geography))
            return SelectColumns(schema, null, _relation(d.Input), distinct: true).ToBlock();
        // Geography cannot be compared here: group by the other columns and the geography's binary form.
        var items = schema.Columns.Select(c =>
        {
            var name = SqlFragment.Atom(Dialect.Identifier(c.Name));
            return c.Type == SqlType.Geography ? Item(grouping.AnyValue.Render([name]), c.Name) : name.Text;
        });
        var keys = schema.Columns.Select(c =>
        {
            var name = SqlFragment.Atom(Dialect.Identifier(c.Name));
            return c.Type == SqlType.Geography ? grouping.Key.Render([name]).Text : name.Text;
        });
        return Select(items, _relation(d.Input)).Line("GROUP BY " + string.Join(", ", keys));
    }

    private SqlBlock WriteOpaque(OpaqueNode o)
    {
        if (o.SqlTemplate is null)
            throw new InvalidOperationException($"Opaque node {o.Id} has no SQL; the emitter reports it before writing queries.");
        var sql = SqlBlock.FromText(CustomSql.Substitute(o.SqlTemplate, o.Sources.Count, i => _relation(o.Sources[i]), Dialect.LexicalRules), Dialect.LexicalRules);
        if (Dialect.GeographyRepair is not { } repair || o.Schema.IsOpen || !o.Schema.Columns.Any(c => c.Type == SqlType.Geography)) return sql;
        // The geographies of custom SQL enter the workflow here: repaired where invalid, as a source table's are.
        var items = o.Schema.Columns.Select(c =>
        {
            var column = SqlFragment.Atom(Dialect.Identifier(c.Name));
            return Item(c.Type == SqlType.Geography ? repair.Render([column]) : column, c.Name);
        });
        return OncePerRow(SelectList(items).Line("FROM (").Append(sql, 2).Line(") AS " + CustomAlias));
    }

    /// <summary>
    /// The ORDER BY list, or null when every key is a constant. A constant key orders nothing and
    /// is left out: a bare integer there would be a column position (a negative one an error, a
    /// string an error on PostgreSQL).
    /// </summary>
    private string? OrderBy(RelNode node, Seq<SortKey> keys)
    {
        var writer = Expressions(node);
        var variable = keys.Where(k => !IsConstant(k.Expr)).ToList();
        if (variable.Count == 0) return null;
        return string.Join(", ", variable.Select(k => Dialect.SortKey(writer.Ordered(k.Expr).ListItem, k.Descending)));
    }

    private static bool IsConstant(Expr e) => e is Literal or ParamRef or Unary { Op: UnaryOp.Negate, Operand: Literal };

    private string Item(SqlFragment value, string name)
    {
        var identifier = Dialect.Identifier(name);
        return value.Text == identifier ? identifier : $"{value.ListItem} AS {identifier}";
    }

    /// <summary>The select item of <see cref="Item(SqlFragment, string)"/>, written at the end of <paramref name="lines"/> without a string of its own.</summary>
    private SqlLines Item(SqlLines lines, SqlFragment value, string name) => Item(lines, value.Text, value.Precedence, name);

    /// <summary>A select item of SQL text <paramref name="value"/> of that precedence: the column alone when it is the name, else the value AS the name.</summary>
    private SqlLines Item(SqlLines lines, ReadOnlySpan<char> value, int precedence, string name)
    {
        var identifier = Dialect.Identifier(name);
        if (value.SequenceEqual(identifier)) return lines.Add(identifier);
        return (SqlFragment.IsLogical(precedence) ? lines.Add('(').Add(value).Add(')') : lines.Add(value)).Add(" AS ").Add(identifier);
    }

    /// <summary>A list's comma, after every item but the last.</summary>
    private static string? Comma(int item, int count) => item < count - 1 ? "," : null;

    /// <summary>
    /// <c>SELECT</c> and the columns of <paramref name="schema"/> (qualified by <paramref name="qualifier"/>), one per
    /// line, or a star on the SELECT line when the schema is open; then <c>FROM</c>: a new query in <see cref="_lines"/>.
    /// </summary>
    private SqlLines SelectColumns(Schema schema, string? qualifier, string from, bool distinct = false)
    {
        var lines = _lines.Start();
        var keyword = distinct ? "SELECT DISTINCT" : "SELECT";
        if (schema.IsOpen) lines.Begin(0).Add(keyword).Add(' ').Add(qualifier is null ? "*" : qualifier + ".*").End();
        else
        {
            lines.Line(keyword);
            var columns = schema.Columns;
            for (int i = 0; i < columns.Count; i++)
            {
                lines.Begin(2);
                if (qualifier is not null) lines.Add(qualifier).Add('.');
                lines.Add(Dialect.Identifier(columns[i].Name)).End(Comma(i, columns.Count));
            }
        }
        return lines.Line("FROM ", from);
    }

    private List<string> Columns(Schema schema, string? qualifier)
    {
        string prefix = qualifier is null ? "" : qualifier + ".";
        if (schema.IsOpen) return [prefix + "*"];
        var columns = new List<string>(schema.Count);
        foreach (var c in schema.Columns) columns.Add(prefix + Dialect.Identifier(c.Name));
        return columns;
    }

    private SqlBlock Select(IEnumerable<string> items, string from, bool distinct = false) =>
        SelectList(items, distinct).Line("FROM " + from);

    /// <summary>
    /// <c>SELECT</c> and the items, one per line (a lone star on the SELECT line), as a block the caller
    /// adds clauses and blocks to (the queries of <see cref="SelectColumns"/> are written whole instead).
    /// </summary>
    private SqlBlock SelectList(IEnumerable<string> items, bool distinct = false)
    {
        // Listed before the query starts: an item may be written by a call that writes lines of its own.
        var list = items as IReadOnlyList<string> ?? [.. items];
        var keyword = distinct ? "SELECT DISTINCT" : "SELECT";
        var lines = _lines.Start();
        if (list.Count == 1 && list[0].EndsWith('*')) lines.Line(keyword + " " + list[0]);
        else
        {
            lines.Line(keyword);
            for (int i = 0; i < list.Count; i++) lines.Line(list[i], 2, Comma(i, list.Count));
        }
        // The items, and room for the clauses the caller adds.
        return new SqlBlock(5).Append(lines.ToBlock());
    }
}
