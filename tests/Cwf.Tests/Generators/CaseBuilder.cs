using Cwf.Components;
using Cwf.Components.Library;
using Cwf.Diagnostics;
using Cwf.Interpretation;
using Cwf.Ir;

namespace Cwf.Tests.Generators;

/// <summary>
/// Builds one random workflow: source tables with data, then a chain of random steps, each
/// reading earlier results (so the DAG shares nodes), then sinks. Every step keeps the IR's
/// invariants: unique column names, comparable grouping and sort keys, union inputs with the
/// same columns, and join conditions over both sides.
/// </summary>
internal sealed class CaseBuilder
{
    private readonly Rng _rng;
    private readonly GeneratorOptions _options;
    private readonly DataGenerator _data;
    private readonly ExprGenerator _exprs;
    private readonly WorkflowBuilder _builder = new("generated");
    private readonly List<int> _pool = [];
    private int _names;

    public CaseBuilder(Rng rng, GeneratorOptions options)
    {
        _rng = rng;
        _options = options;
        _data = new DataGenerator(rng, options);
        _exprs = new ExprGenerator(rng, options, _data);
    }

    public int ExpressionNodes => _exprs.Nodes;

    public GeneratedCase Build()
    {
        var inputs = Database.Empty;
        int tables = _rng.Int(1, _options.MaxSourceTables);
        for (int t = 1; t <= tables; t++)
        {
            var name = TableName.TryParse($"t{t}")!;
            var schema = SourceSchema();
            inputs = inputs.With(name, _data.Table(schema));
            _pool.Add(_builder.Scan(name, schema, $"t{t}").Id);
        }

        int steps = _rng.Int(0, _options.MaxSteps);
        for (int s = 0; s < steps; s++)
            if (Step() is { } id) _pool.Add(id);

        int last = _pool[^1];
        if ((_options.Operators & GeneratedOperators.Check) != 0)
            for (int c = _rng.Int(-1, 2); c > 0; c--) Check();
        _builder.Sink(last, TableName.TryParse("out1")!, WriteMode.Replace, "out1");
        if (_rng.Chance(0.15)) _builder.Sink(last, TableName.TryParse("out1")!, WriteMode.Append, "out1 again");
        if (_pool.Count > 1 && _rng.Chance(0.4))
            _builder.Sink(_rng.Pick(_pool), TableName.TryParse("out2")!, WriteMode.Replace, "out2");
        return new GeneratedCase(_builder.ToWorkflow(), inputs);
    }

    private Schema SourceSchema()
    {
        var types = _exprs.ValueTypes.Where(_options.Allows).ToList();
        int count = _rng.Int(1, _options.MaxColumns);
        return new Schema(Enumerable.Range(1, count)
            .Select(i => new Column($"c{i}", _rng.Pick(types), Nullable: _rng.Chance(0.8)))
            .ToSeq());
    }

    private string Fresh(string prefix) => $"{prefix}{++_names}";

    private static List<ColumnRef> Scope(Schema schema, int input = 0) => [.. schema.Columns.Select(c => ExprFactory.Column(c, input))];

    private int Depth => _rng.Int(1, _options.MaxExpressionDepth);

    private int? Step()
    {
        var choices = new List<(int, Func<int?>)>();
        void Offer(GeneratedOperators op, int weight, Func<int?> make)
        {
            if ((_options.Operators & op) != 0) choices.Add((weight, make));
        }
        Offer(GeneratedOperators.Filter, 4, Filter);
        Offer(GeneratedOperators.Project, 4, Project);
        Offer(GeneratedOperators.Aggregate, 2, Aggregate);
        Offer(GeneratedOperators.Join, 2, Join);
        Offer(GeneratedOperators.SemiJoin, 2, SemiJoin);
        Offer(GeneratedOperators.UnionAll, 1, UnionAll);
        Offer(GeneratedOperators.Sort, 1, Sort);
        Offer(GeneratedOperators.Limit, 1, Limit);
        Offer(GeneratedOperators.Distinct, 1, Distinct);
        Offer(GeneratedOperators.Window, 2, Window);
        Offer(GeneratedOperators.Nearest, 1, Nearest);
        Offer(GeneratedOperators.Sample, 1, Sample);
        Offer(GeneratedOperators.Normalize, 1, Normalize);
        Offer(GeneratedOperators.CrossJoin, 1, CrossJoin);
        Offer(GeneratedOperators.UnionByName, 1, UnionByName);
        Offer(GeneratedOperators.TakePer, 1, TakePer);
        Offer(GeneratedOperators.Explode, 1, Explode);
        Offer(GeneratedOperators.Values, 1, Values);
        return choices.Count == 0 ? null : _rng.Weighted([.. choices])();
    }

    private int Input() => _rng.Chance(0.6) ? _pool[^1] : _rng.Pick(_pool);

    private Schema SchemaOf(int id) => _builder.SchemaOf(id);

    private int? Filter()
    {
        int input = Input();
        var predicate = _exprs.Make(SqlType.Bool, Scope(SchemaOf(input)), Depth);
        return _builder.Filter(input, predicate, _rng.Chance(0.7) ? FilterBranch.Match : FilterBranch.Unmatch, Fresh("filter")).Id;
    }

    private int? Project()
    {
        int input = Input();
        var schema = SchemaOf(input);
        var scope = Scope(schema);
        var columns = new List<NamedExpr>();
        foreach (var c in schema.Columns.OrderBy(_ => _rng.Double()))
            if (_rng.Chance(0.6)) columns.Add(new NamedExpr(c.Name, ExprFactory.Column(c)));
        int computed = _rng.Int(columns.Count == 0 ? 1 : 0, 2);
        for (int i = 0; i < computed; i++)
            columns.Add(new NamedExpr(Fresh("e"), _exprs.Make(_rng.Pick(_exprs.ValueTypes), scope, Depth)));
        return _builder.Project(input, columns, Fresh("project")).Id;
    }

    private int? Aggregate()
    {
        int input = Input();
        var schema = SchemaOf(input);
        var scope = Scope(schema);
        var keys = new List<NamedExpr>();
        foreach (var c in schema.Columns.Where(c => c.Type.IsComparable()).OrderBy(_ => _rng.Double()).Take(_rng.Int(0, 2)))
            keys.Add(new NamedExpr(c.Name, ExprFactory.Column(c)));
        if (_rng.Chance(0.2)) keys.Add(new NamedExpr(Fresh("k"), _exprs.Make(_rng.Pick(_exprs.ComparableTypes), scope, 1)));

        var aggregates = new List<AggregateCall>();
        int count = _rng.Int(1, 3);
        for (int i = 0; i < count; i++)
        {
            var name = Fresh("agg");
            if (_rng.Chance(0.15))
            {
                aggregates.Add(new AggregateCall(name, AggregateFunction.CountAll, null));
                continue;
            }
            var argument = _rng.Chance(0.7) && schema.Count > 0 ? (Expr)ExprFactory.Column(_rng.Pick(schema.Columns)) : _exprs.Make(_rng.Pick(_exprs.ValueTypes), scope, 1);
            var functions = argument.Type switch
            {
                var t when t.IsNumeric() => new[] { AggregateFunction.Sum, AggregateFunction.Avg, AggregateFunction.Min, AggregateFunction.Max, AggregateFunction.Count, AggregateFunction.CountDistinct },
                SqlType.Geography => [AggregateFunction.Count, AggregateFunction.Union, AggregateFunction.Collect, AggregateFunction.Extent,
                    AggregateFunction.ConvexHull, AggregateFunction.Centroid, AggregateFunction.MakeLine],
                _ => [AggregateFunction.Min, AggregateFunction.Max, AggregateFunction.Count, AggregateFunction.CountDistinct],
            };
            var function = _rng.Pick(functions);
            aggregates.Add(function == AggregateFunction.MakeLine ? Line(name, argument, schema) : new AggregateCall(name, function, argument));
        }
        return _builder.Aggregate(input, keys, aggregates, Fresh("aggregate")).Id;
    }

    /// <summary>
    /// A make line through the centroids of the geographies (points, which every engine joins alike),
    /// ordered by up to two comparable columns and then by the IR's tie-breakers: a total order, since
    /// points equal on every key are the same point.
    /// </summary>
    private AggregateCall Line(string name, Expr geography, Schema schema)
    {
        var points = ExprFactory.Call(Functions.Centroid, geography);
        var keys = schema.Columns.Where(c => c.Type.IsComparable()).OrderBy(_ => _rng.Double()).Take(_rng.Int(0, 2))
            .Select(c => new WindowKey(ExprFactory.Column(c), _rng.Chance(0.5), _rng.Chance(0.3)));
        return new AggregateCall(name, AggregateFunction.MakeLine, points, AggregateCall.LineOrder(points, keys));
    }

    private (int Left, int Right, Expr Condition) JoinInputs()
    {
        int left = Input();
        int right = _rng.Pick(_pool);
        var ls = SchemaOf(left);
        var rs = SchemaOf(right);
        var leftScope = Scope(ls);
        var rightScope = Scope(rs, input: 1);

        var equiPairs = (from l in leftScope from r in rightScope
                         where l.Type.IsComparable() && SqlTypeFacts.CommonType(l.Type, r.Type) is { } t && t != SqlType.Unknown && r.Type.IsComparable()
                         select (l, r)).ToList();
        var geoPairs = (from l in leftScope from r in rightScope where l.Type == SqlType.Geography && r.Type == SqlType.Geography select (l, r)).ToList();

        Expr condition = _rng.Weighted<Func<Expr>>(
            (equiPairs.Count > 0 ? 4 : 0, () =>
            {
                var (l, r) = _rng.Pick(equiPairs);
                var eq = ExprFactory.Eq(l, r);
                return _rng.Chance(0.2) ? ExprFactory.And(eq, _exprs.Make(SqlType.Bool, [.. leftScope, .. rightScope], 1)) : eq;
            }),
            (geoPairs.Count > 0 && _options.Spatial ? 3 : 0, () =>
            {
                var (l, r) = _rng.Pick(geoPairs);
                var predicate = _rng.Pick([Functions.Intersects, Functions.Contains, Functions.Within, Functions.Covers, Functions.Touches, Functions.DWithin]);
                if (!_options.Allows(predicate)) return ExprFactory.IsNull(l);
                var args = predicate == Functions.DWithin ? new Expr[] { l, r, Literal.Float(_rng.Pick([100.0, 10_000.0, 200_000.0])) } : [l, r];
                return _rng.Chance(0.5) ? ExprFactory.Call(predicate, args) : ExprFactory.Call(predicate, [.. args.Take(2).Reverse(), .. args.Skip(2)]);
            }),
            (1, () => _exprs.Make(SqlType.Bool, [.. leftScope, .. rightScope], Depth)))();
        return (left, right, condition);
    }

    private int? Join()
    {
        var (left, right, condition) = JoinInputs();
        var ls = SchemaOf(left);
        var rs = SchemaOf(right);
        var used = new HashSet<string>(ls.Names, StringComparer.OrdinalIgnoreCase);
        var outputs = ls.Columns.Select(c => new JoinOutput(0, c.Name, c.Name)).ToList();
        foreach (var c in rs.Columns)
        {
            var name = c.Name + "_joined";
            for (int n = 2; !used.Add(name); n++) name = $"{c.Name}_joined{n}";
            outputs.Add(new JoinOutput(1, c.Name, name));
        }
        var kind = _rng.Pick([JoinKind.Inner, JoinKind.Inner, JoinKind.Left, JoinKind.Right, JoinKind.Full]);
        return _builder.Join(left, right, kind, condition, outputs, Fresh("join")).Id;
    }

    private int? SemiJoin()
    {
        var (left, right, condition) = JoinInputs();
        return _builder.SemiJoin(left, right, condition, _rng.Chance(0.4), Fresh("semijoin")).Id;
    }

    /// <summary>
    /// The k nearest right rows by |l.x - r.y| of two numeric columns (a float in every engine's same
    /// arithmetic), ties broken by every comparable right column: a total order up to rows equal in all
    /// of them, whose geographies (the only columns that could tell them apart) are not output.
    /// The geodesic form is checked on PostGIS with its own data (NearestExecutionTests).
    /// </summary>
    private int? Nearest()
    {
        int left = Input();
        int right = _rng.Pick(_pool);
        var ls = SchemaOf(left);
        var rs = SchemaOf(right);
        var pairs = (from l in Scope(ls) from r in Scope(rs, input: 1) where l.Type.IsNumeric() && r.Type.IsNumeric() select (l, r)).ToList();
        if (pairs.Count == 0) return null;
        var (x, y) = _rng.Pick(pairs);
        var distance = ExprFactory.Call(Functions.Abs, ExprFactory.Binary(BinaryOp.Subtract, ExprFactory.Cast(x, SqlType.Float64), ExprFactory.Cast(y, SqlType.Float64)));
        var order = rs.Columns.Where(c => c.Type.IsComparable()).Select(c => new SortKey(ExprFactory.Column(c, 1), _rng.Chance(0.3)))
            .Prepend(new SortKey(distance, false));
        var used = new HashSet<string>(ls.Names, StringComparer.OrdinalIgnoreCase);
        var outputs = ls.Columns.Select(c => new JoinOutput(0, c.Name, c.Name)).ToList();
        foreach (var c in rs.Columns.Where(c => c.Type.IsComparable()))
        {
            var name = c.Name + "_joined";
            for (int n = 2; !used.Add(name); n++) name = $"{c.Name}_joined{n}";
            outputs.Add(new JoinOutput(1, c.Name, name));
        }
        var distanceName = Fresh("distance");
        Expr? within = _rng.Chance(0.4) ? Literal.Float(_rng.Pick([0.0, 1.0, 10.0, 1000.0])) : null;
        return _builder.Nearest(left, right, _rng.Int(1, 3), distance, order, within, outputs, distanceName, Fresh("nearest")).Id;
    }

    private int? UnionAll()
    {
        int input = Input();
        var schema = SchemaOf(input);
        // The same columns in another order: union matches them by name.
        var shuffled = _builder.Project(input, schema.Columns.OrderBy(_ => _rng.Double()).Select(c => new NamedExpr(c.Name, ExprFactory.Column(c))), Fresh("reorder")).Id;
        var sources = _rng.Chance(0.3) ? new[] { input, shuffled, input } : [input, shuffled];
        return _builder.UnionAll(sources, Fresh("union")).Id;
    }

    private int? Sort()
    {
        int input = Input();
        var schema = SchemaOf(input);
        var comparable = schema.Columns.Where(c => c.Type.IsComparable()).ToList();
        var keys = new List<SortKey>();
        foreach (var c in comparable.OrderBy(_ => _rng.Double()).Take(_rng.Int(1, 3)))
            keys.Add(new SortKey(ExprFactory.Column(c), _rng.Chance(0.4)));
        if (keys.Count == 0 || _rng.Chance(0.2))
            keys.Add(new SortKey(_exprs.Make(_rng.Pick(_exprs.ComparableTypes), Scope(schema), 1), _rng.Chance(0.4)));
        return _builder.Sort(input, keys, Fresh("sort")).Id;
    }

    private int? Limit()
    {
        int input = Input();
        var schema = SchemaOf(input);
        if (!_options.OrderDependentResults)
        {
            // A sort on every column fixes which rows a limit keeps.
            if (schema.Columns.Any(c => !c.Type.IsComparable())) return null;
            input = _builder.Sort(input, schema.Columns.Select(c => new SortKey(ExprFactory.Column(c), _rng.Chance(0.5))), Fresh("sort")).Id;
        }
        return _builder.Limit(input, Literal.Int(_rng.Int(0, _options.MaxRows + 2)), Fresh("limit")).Id;
    }

    private int? Distinct()
    {
        int input = Input();
        if (SchemaOf(input).Columns.Any(c => !c.Type.IsComparable())) return null;
        return _builder.Distinct(input, Fresh("distinct")).Id;
    }

    /// <summary>
    /// <c>sample n { seed: s }</c> as the component lowers it. Only over inputs without geography: rows equal on
    /// every other column would be numbered in any order, and a different geography kept on each engine.
    /// </summary>
    private int? Sample()
    {
        int input = Input();
        if (SchemaOf(input).Columns.Any(c => !c.Type.IsComparable())) return null;
        var cx = new LoweringContext(_builder, new DiagnosticBag());
        var step = new StepInfo(Fresh("sample"), Location.None);
        return ComponentLowering.Sample(cx, input, Literal.Int(_rng.Int(0, _options.MaxRows + 2)), Location.None, Literal.Int(_rng.Int(0, 1000)), Location.None, step);
    }

    /// <summary>
    /// One row per element of a geography column: its simple parts (<c>dump geo [as part]</c>, in place or appended;
    /// the parts of one row come in one order on every engine, ST_Dump's, and outputs compare as multisets), the cells
    /// or edges of the Voronoi diagram or Delaunay triangulation of its vertices (issue 17's tessellations), or, where
    /// H3 and Quadbin are generated, a set of spatial-index cells (<see cref="ExprGenerator.CellSet"/>) in a new column.
    /// </summary>
    private int? Explode()
    {
        int input = Input();
        var schema = SchemaOf(input);
        var geographies = schema.Columns.Where(c => c.Type == SqlType.Geography).ToList();
        if (geographies.Count == 0) return null;
        var geo = _rng.Pick(geographies);
        var column = _rng.Chance(0.5) ? geo.Name : Fresh("part");
        ExplodeKind[] tessellations = [ExplodeKind.VoronoiPolygons, ExplodeKind.VoronoiLines, ExplodeKind.DelaunayTriangles, ExplodeKind.DelaunayLines];
        return _rng.Weighted<Func<int?>>(
            (2, () => _builder.Explode(input, ExprFactory.Column(geo), column, ExplodeKind.GeometryParts, Fresh("parts")).Id),
            (2, () => _builder.Explode(input, ExprFactory.Column(geo), column, _rng.Pick(tessellations), Fresh("tessellation")).Id),
            (_exprs.GeneratesCells ? 4 : 0, () => Cells(input, ExprFactory.Column(geo), Scope(schema))))();
    }

    /// <summary>A set of H3 or Quadbin cells, one row each, in a new column (with a k-ring, sometimes each cell's distance too).</summary>
    private int? Cells(int input, Expr polygon, IReadOnlyList<ColumnRef> scope)
    {
        if (_exprs.CellSet(polygon, scope, Depth) is not { } cells) return null;
        var (kind, value, arguments) = cells;
        var distance = kind is ExplodeKind.H3KRing or ExplodeKind.QuadbinKRing && _rng.Chance(0.5) ? Fresh("distance") : null;
        return _builder.ExplodeCells(input, value, arguments, Fresh("cell"), distance, kind, Fresh("cells")).Id;
    }

    /// <summary>
    /// A values source: up to three rows of one to three columns of the allowed types, literals (a
    /// geography as <c>st_geogfromtext</c> of its WKT) or typed NULLs where the column is nullable.
    /// </summary>
    private int? Values()
    {
        var types = _exprs.ValueTypes.Where(_options.Allows).ToList();
        var schema = new Schema(Enumerable.Range(1, _rng.Int(1, 3))
            .Select(i => new Column($"v{i}", _rng.Pick(types), Nullable: _rng.Chance(0.5))).ToSeq());
        Expr Value(Column c) => c.Nullable && _rng.Chance(0.2) ? Literal.Null(c.Type)
            : c.Type == SqlType.Geography ? ExprFactory.Call(Functions.GeogFromText, Literal.String(_data.Geography().AsText()))
            : new Literal(_data.Value(c.Type), c.Type);
        var rows = Enumerable.Range(0, _rng.Int(0, 3)).Select(_ => schema.Columns.Select(Value).ToSeq()).ToSeq();
        return _builder.Values(schema, rows, Fresh("values")).Id;
    }

    /// <summary><c>normalize col as name</c> as the component lowers it, over a numeric column.</summary>
    private int? Normalize()
    {
        int input = Input();
        var numeric = SchemaOf(input).Columns.Where(c => c.Type.IsNumeric()).ToList();
        if (numeric.Count == 0) return null;
        var cx = new LoweringContext(_builder, new DiagnosticBag());
        var name = Fresh("norm");
        return ComponentLowering.Normalize(cx, input, _rng.Pick(numeric), name, new StepInfo(name, Location.None));
    }

    /// <summary><c>cross_join other</c> as the component lowers it (skipped when the suffixed names collide).</summary>
    private int? CrossJoin()
    {
        int left = Input();
        int right = _rng.Pick(_pool);
        var cx = new LoweringContext(_builder, new DiagnosticBag());
        return ComponentLowering.JoinWithSuffix(cx, left, right, JoinKind.Inner, Predicates.True, new StepInfo(Fresh("crossjoin"), Location.None));
    }

    /// <summary>
    /// <c>union by name</c> as the component lowers it: of an input and a projection of it that drops columns and
    /// adds one (so columns are missing on either side), or of two results that may share names with other types
    /// (skipped when two types have no common type).
    /// </summary>
    private int? UnionByName()
    {
        int first = Input();
        int second;
        if (_rng.Chance(0.6))
        {
            var schema = SchemaOf(first);
            var kept = schema.Columns.Where(_ => _rng.Chance(0.6)).Select(c => new NamedExpr(c.Name, ExprFactory.Column(c))).ToList();
            kept.Add(new NamedExpr(Fresh("e"), _exprs.Make(_rng.Pick(_exprs.ValueTypes), Scope(schema), 1)));
            second = _builder.Project(first, kept.OrderBy(_ => _rng.Double()), Fresh("reshape")).Id;
        }
        else second = _rng.Pick(_pool);
        var cx = new LoweringContext(_builder, new DiagnosticBag());
        (int, Location)[] inputs = _rng.Chance(0.5) ? [(first, Location.None), (second, Location.None)] : [(second, Location.None), (first, Location.None)];
        return ComponentLowering.UnionByName(cx, inputs, new StepInfo(Fresh("unionbyname"), Location.None));
    }

    /// <summary>
    /// <c>take n per k by t</c> as the component lowers it. Only over inputs without geography (as sample): rows tied on
    /// every other column would be numbered in any order, and a different geography kept on each engine.
    /// </summary>
    private int? TakePer()
    {
        int input = Input();
        var schema = SchemaOf(input);
        if (schema.Columns.Any(c => !c.Type.IsComparable())) return null;
        var shuffled = schema.Columns.OrderBy(_ => _rng.Double()).ToList();
        var keys = shuffled.Take(_rng.Int(0, 2)).Select(c => (Expr)ExprFactory.Column(c)).ToSeq();
        var order = shuffled.Skip(keys.Count).Take(_rng.Int(0, 2)).Select(c => new WindowKey(ExprFactory.Column(c), _rng.Chance(0.5), _rng.Chance(0.3))).ToSeq();
        var cx = new LoweringContext(_builder, new DiagnosticBag());
        return ComponentLowering.TakePerGroup(cx, input, Literal.Int(_rng.Int(0, 3)), Location.None, keys, order, new StepInfo(Fresh("takeper"), Location.None));
    }

    /// <summary>
    /// A data check on an earlier result, in the IR the binder builds for <c>assert</c> (spec/language.md): a
    /// one-row measure and the range it must lie in, so checks pass and fail. Not over a workflow with a buffer,
    /// whose approximate values could decide which rows a check counts.
    /// </summary>
    private void Check()
    {
        if (_builder.ToWorkflow().Nodes.Any(n => n.Expressions.Any(e => e.DescendantsAndSelf().OfType<Call>().Any(c => c.Function == Functions.Buffer)))) return;
        int input = _rng.Pick(_pool);
        var schema = SchemaOf(input);
        var name = Fresh("check");
        var label = _builder[input].Name;
        Column[] Some(Func<Column, bool> accepts) => [.. schema.Columns.Where(accepts).OrderBy(_ => _rng.Double()).Take(_rng.Int(1, 2))];
        int CountWhere(Expr predicate) =>
            _builder.Aggregate(_builder.Filter(input, predicate, FilterBranch.Match, name + "_failing").Id, [], [new AggregateCall("measure", AggregateFunction.CountAll, null)], name).Id;
        switch (_rng.Int(0, 3))
        {
            case 0:
                int low = _rng.Int(0, _options.MaxRows), high = low + _rng.Int(0, _options.MaxRows);
                var rows = _builder.Aggregate(input, [], [new AggregateCall("measure", AggregateFunction.CountAll, null)], name).Id;
                _builder.Check(rows, $"{label}.rows between {low} and {high}", low, high, name);
                return;
            case 1:
                var columns = Some(_ => true);
                _builder.Check(CountWhere(columns.Select(c => (Expr)ExprFactory.IsNull(ExprFactory.Column(c))).Aggregate(ExprFactory.Or)),
                    $"{label}.not_null({string.Join(", ", columns.Select(c => c.Name))})", 0, 0, name);
                return;
            case 2:
                var scope = Scope(schema).Where(c => c.Type != SqlType.Geography).ToList();
                _builder.Check(CountWhere(ExprFactory.Not(_exprs.Make(SqlType.Bool, scope, Depth))), $"{label}.expression", 0, 0, name);
                return;
            default:
                var keys = Some(c => c.Type.IsComparable());
                if (keys.Length == 0) return;
                _builder.Check(Unique(input, keys, name), $"{label}.unique({string.Join(", ", keys.Select(c => c.Name))})", 0, 0, name);
                return;
        }
    }

    /// <summary>The rows whose key (every column non-NULL) another row shares, as the binder measures <c>unique</c>.</summary>
    private int Unique(int input, Column[] keys, string name)
    {
        var nullable = keys.Where(k => k.Nullable).Select(k => (Expr)ExprFactory.IsNull(ExprFactory.Column(k), negated: true)).ToList();
        if (nullable.Count > 0) input = _builder.Filter(input, nullable.Aggregate(ExprFactory.And), FilterBranch.Match, name + "_keys").Id;
        var groups = _builder.Aggregate(input, keys.Select(k => new NamedExpr(k.Name, ExprFactory.Column(k))), [new AggregateCall("cwf_rows", AggregateFunction.CountAll, null)], name + "_groups").Id;
        var size = ExprFactory.Column(SchemaOf(groups).Find("cwf_rows")!);
        var shared = _builder.Filter(groups, ExprFactory.Binary(BinaryOp.Greater, size, Literal.Int(1)), FilterBranch.Match, name + "_shared").Id;
        var total = _builder.Aggregate(shared, [], [new AggregateCall("measure", AggregateFunction.Sum, size)], name + "_total").Id;
        var sum = ExprFactory.Column(SchemaOf(total).Find("measure")!);
        return _builder.Project(total, [new NamedExpr("measure", ExprFactory.Call(Functions.Coalesce, sum, Literal.Int(0)))], name).Id;
    }

    /// <summary>
    /// One or two window columns, sometimes filtered on. Ranks, and aggregates over the default frame
    /// (the row's peers), are the same whatever the order of ties; row numbers, ntile, offsets, first
    /// and last values and row frames are not, so unless results may depend on row order they order by
    /// every column of an input without geography (rows equal on all of them are interchangeable).
    /// </summary>
    private int? Window()
    {
        int input = Input();
        var schema = SchemaOf(input);
        var comparable = schema.Columns.Where(c => c.Type.IsComparable()).ToList();
        bool totalOrder = _options.OrderDependentResults || comparable.Count == schema.Count && comparable.Count > 0;
        var partition = comparable.OrderBy(_ => _rng.Double()).Take(_rng.Int(0, 2)).Select(c => (Expr)ExprFactory.Column(c)).ToSeq();
        var calls = new List<WindowCall>();
        int count = _rng.Int(1, 2);
        for (int i = 0; i < count; i++)
            if (WindowCall(Fresh("w"), schema, comparable, partition, totalOrder) is { } call) calls.Add(call);
        if (calls.Count == 0) return null;
        var window = _builder.Window(input, calls, Fresh("window")).Id;
        if (!_rng.Chance(0.4)) return window;
        var predicate = _exprs.Make(SqlType.Bool, Scope(SchemaOf(window)), Depth);
        return _builder.Filter(window, predicate, _rng.Chance(0.8) ? FilterBranch.Match : FilterBranch.Unmatch, Fresh("qualify")).Id;
    }

    private WindowCall? WindowCall(string name, Schema schema, List<Column> comparable, Seq<Expr> partition, bool totalOrder)
    {
        WindowKey Key(Column c) => new(ExprFactory.Column(c), _rng.Chance(0.4), _rng.Chance(0.3));
        Seq<WindowKey> Total() => [.. comparable.OrderBy(_ => _rng.Double()).Select(Key)];
        Seq<WindowKey> Some() => [.. comparable.OrderBy(_ => _rng.Double()).Take(_rng.Int(1, 2)).Select(Key)];
        Column? Pick(Func<Column, bool> accepts) => schema.Columns.Where(accepts).OrderBy(_ => _rng.Double()).FirstOrDefault();

        var options = new List<WindowFunction> { WindowFunction.CountAll, WindowFunction.Count, WindowFunction.Sum, WindowFunction.Avg, WindowFunction.Min, WindowFunction.Max };
        if (comparable.Count > 0) options.AddRange([WindowFunction.Rank, WindowFunction.DenseRank, WindowFunction.PercentRank]);
        if (totalOrder) options.AddRange([WindowFunction.RowNumber, WindowFunction.Ntile, WindowFunction.Lag, WindowFunction.Lead, WindowFunction.FirstValue, WindowFunction.LastValue]);
        var function = _rng.Pick(options);
        Column? argument = function switch
        {
            WindowFunction.Sum or WindowFunction.Avg => Pick(c => c.Type.IsNumeric()),
            WindowFunction.Min or WindowFunction.Max => Pick(c => c.Type.IsComparable()),
            WindowFunction.Count or WindowFunction.Lag or WindowFunction.Lead or WindowFunction.FirstValue or WindowFunction.LastValue => Pick(c => c.Type != SqlType.Geography),
            _ => null,
        };
        if (argument is null && function is not (WindowFunction.CountAll or WindowFunction.RowNumber or WindowFunction.Rank or WindowFunction.DenseRank or WindowFunction.PercentRank or WindowFunction.Ntile))
            return null;
        Seq<Expr> arguments = function switch
        {
            WindowFunction.Ntile => [Literal.Int(_rng.Int(1, 4))],
            WindowFunction.Lag or WindowFunction.Lead when _rng.Chance(0.5) =>
                [ExprFactory.Column(argument!), Literal.Int(_rng.Int(0, 3)), _exprs.Make(argument!.Type, Scope(schema), 1)],
            WindowFunction.Lag or WindowFunction.Lead => [ExprFactory.Column(argument!), Literal.Int(_rng.Int(0, 3))],
            _ => argument is null ? [] : [ExprFactory.Column(argument)],
        };
        if (function.IsPositional())
            return new WindowCall(name, function, arguments, partition, function is WindowFunction.Rank or WindowFunction.DenseRank or WindowFunction.PercentRank ? Some() : Total(), null);
        // Frame-reading functions: over the whole partition, over the peers of an order, or (total order only) over a row frame.
        bool framed = totalOrder && _rng.Chance(0.5);
        if (!framed && function is WindowFunction.FirstValue or WindowFunction.LastValue)
            return totalOrder ? new WindowCall(name, function, arguments, partition, Total(), null) : null;
        if (!framed) return new WindowCall(name, function, arguments, partition, comparable.Count > 0 && _rng.Chance(0.6) ? Some() : [], null);
        return new WindowCall(name, function, arguments, partition, Total(), Frame());
    }

    /// <summary>A row frame every warehouse accepts (<see cref="WindowFrame.IsValid"/>).</summary>
    private WindowFrame Frame()
    {
        FrameBound Bound(bool start)
        {
            var kinds = start
                ? new[] { FrameBoundKind.UnboundedPreceding, FrameBoundKind.Preceding, FrameBoundKind.CurrentRow, FrameBoundKind.Following }
                : [FrameBoundKind.Preceding, FrameBoundKind.CurrentRow, FrameBoundKind.Following, FrameBoundKind.UnboundedFollowing];
            var kind = _rng.Pick(kinds);
            return new FrameBound(kind, kind is FrameBoundKind.Preceding or FrameBoundKind.Following ? _rng.Int(0, 3) : 0);
        }
        var a = Bound(start: true);
        var b = Bound(start: false);
        var frame = new WindowFrame(a, b);
        return frame.IsValid ? frame : new WindowFrame(new FrameBound(FrameBoundKind.UnboundedPreceding), b);
    }
}
