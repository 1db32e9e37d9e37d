using System.Collections.Immutable;
using Cwf.Diagnostics;
using Cwf.Interpretation;
using Cwf.Interpretation.Geo;
using Cwf.Ir;
using static Cwf.Tests.Interpretation.Harness;

namespace Cwf.Tests.Interpretation;

/// <summary>Each operator's semantics: NULLs in joins, grouping and sorting, empty inputs, sinks, failures.</summary>
public class OperatorTests
{
    private static readonly Schema People = Schema(("id", SqlType.Int64), ("name", SqlType.String), ("city", SqlType.String), ("age", SqlType.Int64));

    private static readonly Table PeopleRows = Table(People,
        [1L, "ann", "paris", 30L],
        [2L, "bob", null, 40L],
        [3L, "cy", "rome", null],
        [4L, "dee", "paris", 25L]);

    private static Database Db(Table table, string name = "src") => Database.Empty.With(TableName.TryParse(name)!, table);

    /// <summary>Scan "src", apply one step, sink to "out"; the output table.</summary>
    private static Table One(Table input, Func<WorkflowBuilder, int, int> step, out InterpretationResult result)
    {
        var b = new WorkflowBuilder("test");
        var scan = b.Scan(Source, input.Schema, "src");
        int last = step(b, scan.Id);
        b.Sink(last, Output, WriteMode.Replace, "out");
        result = Run(b.ToWorkflow(), Db(input));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Outputs.Find(Output)!;
    }

    private static Table One(Table input, Func<WorkflowBuilder, int, int> step) => One(input, step, out _);

    [Fact]
    public void Filter_match_and_unmatch_partition_the_input_with_null_predicates_in_unmatch()
    {
        var predicate = ExprFactory.Binary(BinaryOp.Greater, Col(People, "age"), Literal.Int(28));
        var match = One(PeopleRows, (b, s) => b.Filter(s, predicate, FilterBranch.Match, "m").Id);
        var unmatch = One(PeopleRows, (b, s) => b.Filter(s, predicate, FilterBranch.Unmatch, "u").Id);
        Assert.Equal([1L, 2L], Column(match, "id"));
        Assert.Equal([3L, 4L], Column(unmatch, "id"));
    }

    [Fact]
    public void Project_computes_renames_and_drops()
    {
        var output = One(PeopleRows, (b, s) => b.Project(s,
        [
            new NamedExpr("who", Col(People, "name")),
            new NamedExpr("next_age", ExprFactory.Binary(BinaryOp.Add, Col(People, "age"), Literal.Int(1))),
        ], "p").Id);
        Assert.Equal(["who", "next_age"], output.Schema.Names);
        Assert.Equal([31L, 41L, null, 26L], Column(output, "next_age"));
    }

    [Fact]
    public void Aggregate_groups_nulls_together_and_counts_as_sql_does()
    {
        var age = Col(People, "age");
        var output = One(PeopleRows, (b, s) => b.Aggregate(s, [new NamedExpr("city", Col(People, "city"))],
        [
            new AggregateCall("n", AggregateFunction.CountAll, null),
            new AggregateCall("ages", AggregateFunction.Count, age),
            new AggregateCall("distinct_ages", AggregateFunction.CountDistinct, age),
            new AggregateCall("total", AggregateFunction.Sum, age),
            new AggregateCall("mean", AggregateFunction.Avg, age),
            new AggregateCall("youngest", AggregateFunction.Min, age),
            new AggregateCall("last_name", AggregateFunction.Max, Col(People, "name")),
        ], "g").Id);
        Assert.Equal(
            "city | n | ages | distinct_ages | total | mean | youngest | last_name\n" +
            "paris | 2 | 2 | 2 | 55 | 27.5 | 25 | dee\n" +
            "NULL | 1 | 1 | 1 | 40 | 40 | 40 | bob\n" +
            "rome | 1 | 0 | 0 | NULL | NULL | NULL | cy\n",
            output.Format());
        Assert.IsType<long>(output.Rows[0][4]);
        Assert.IsType<double>(output.Rows[0][5]);
    }

    [Fact]
    public void Aggregate_without_keys_gives_one_row_even_over_no_rows()
    {
        var empty = Table(People);
        var summary = One(empty, (b, s) => b.Aggregate(s, [],
            [new AggregateCall("n", AggregateFunction.CountAll, null), new AggregateCall("total", AggregateFunction.Sum, Col(People, "age"))], "g").Id);
        Assert.Equal("n | total\n0 | NULL\n", summary.Format());
        var grouped = One(empty, (b, s) => b.Aggregate(s, [new NamedExpr("city", Col(People, "city"))], [new AggregateCall("n", AggregateFunction.CountAll, null)], "g").Id);
        Assert.Equal(0, grouped.Count);
    }

    [Fact]
    public void Sum_of_int64_is_exact_and_overflow_is_an_error()
    {
        var schema = Schema(("x", SqlType.Int64));
        var table = Table(schema, [long.MaxValue], [1L], [-2L]);
        var output = One(table, (b, s) => b.Aggregate(s, [], [new AggregateCall("total", AggregateFunction.Sum, Col(schema, "x"))], "g").Id);
        Assert.Equal(long.MaxValue - 1, output.Rows[0][0]);

        var b2 = new WorkflowBuilder("overflow");
        var scan = b2.Scan(Source, schema, "src");
        var agg = b2.Aggregate(scan.Id, [], [new AggregateCall("total", AggregateFunction.Sum, Col(schema, "x"))], "sum");
        b2.Sink(agg.Id, Output, WriteMode.Replace, "out");
        var result = Run(b2.ToWorkflow(), Db(Table(schema, [long.MaxValue], [1L])));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.RuntimeOverflow.Code);
    }

    [Fact]
    public void Decimal_avg_stays_decimal()
    {
        var schema = Schema(("x", SqlType.Decimal));
        var output = One(Table(schema, [1m], [2m], [null]), (b, s) => b.Aggregate(s, [], [new AggregateCall("m", AggregateFunction.Avg, Col(schema, "x"))], "g").Id);
        Assert.Equal(1.5m, output.Rows[0][0]);
    }

    private static readonly Schema Left = Schema(("k", SqlType.Int64), ("l", SqlType.String));
    private static readonly Schema Right = Schema(("k", SqlType.Int64), ("r", SqlType.String));

    private static Table JoinOf(JoinKind kind, Expr? condition = null)
    {
        var left = Table(Left, [1L, "a"], [2L, "b"], [null, "n"], [2L, "b2"]);
        var right = Table(Right, [2L, "x"], [3L, "y"], [null, "z"], [2L, "x2"]);
        var b = new WorkflowBuilder("join");
        var l = b.Scan(TableName.TryParse("l")!, Left, "l");
        var r = b.Scan(TableName.TryParse("r")!, Right, "r");
        condition ??= ExprFactory.Eq(Col(Left, "k"), Col(Right, "k", input: 1));
        var join = b.Join(l.Id, r.Id, kind, condition, WorkflowBuilder.JoinedSuffixOutputs(Left, Right), "j");
        b.Sink(join.Id, Output, WriteMode.Replace, "out");
        var result = Run(b.ToWorkflow(), Database.Empty.With(TableName.TryParse("l")!, left).With(TableName.TryParse("r")!, right));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Outputs.Find(Output)!;
    }

    [Fact]
    public void Inner_join_never_matches_null_keys()
    {
        Assert.Equal("k | l | k_joined | r_joined\n2 | b | 2 | x\n2 | b | 2 | x2\n2 | b2 | 2 | x\n2 | b2 | 2 | x2\n", JoinOf(JoinKind.Inner).Format());
    }

    [Fact]
    public void Left_right_and_full_joins_extend_with_nulls()
    {
        Assert.Equal(
            "k | l | k_joined | r_joined\n1 | a | NULL | NULL\n2 | b | 2 | x\n2 | b | 2 | x2\nNULL | n | NULL | NULL\n2 | b2 | 2 | x\n2 | b2 | 2 | x2\n",
            JoinOf(JoinKind.Left).Format());
        Assert.Equal(
            "k | l | k_joined | r_joined\n2 | b | 2 | x\n2 | b | 2 | x2\n2 | b2 | 2 | x\n2 | b2 | 2 | x2\nNULL | NULL | 3 | y\nNULL | NULL | NULL | z\n",
            JoinOf(JoinKind.Right).Format());
        var full = JoinOf(JoinKind.Full);
        Assert.Equal(8, full.Count);
        Assert.Equal([1L, 2L, 2L, null, 2L, 2L, null, null], Column(full, "k"));
    }

    [Fact]
    public void Non_equi_conditions_use_a_nested_loop_with_the_same_semantics()
    {
        // k < k_right, plus an OR that hides the equality from the hash strategy.
        var lt = ExprFactory.Binary(BinaryOp.Less, Col(Left, "k"), Col(Right, "k", input: 1));
        Assert.Equal("k | l | k_joined | r_joined\n1 | a | 2 | x\n1 | a | 3 | y\n1 | a | 2 | x2\n2 | b | 3 | y\n2 | b2 | 3 | y\n", JoinOf(JoinKind.Inner, lt).Format());
        var hidden = ExprFactory.Or(ExprFactory.Eq(Col(Left, "k"), Col(Right, "k", input: 1)), Literal.Bool(false));
        Assert.Equal(JoinOf(JoinKind.Full).Format(), JoinOf(JoinKind.Full, hidden).Format());
    }

    private static readonly Schema Points = Schema(("pid", SqlType.Int64), ("geom", SqlType.Geography));
    private static readonly Schema Areas = Schema(("aid", SqlType.Int64), ("shape", SqlType.Geography));

    private static NetTopologySuite.Geometries.Geometry G(string wkt) => Wkt.TryRead(wkt, out _)!;

    private static (Table Points, Table Areas) SpatialData() => (
        Table(Points, [1L, G("POINT(1 1)")], [2L, G("POINT(5 5)")], [3L, null], [4L, G("POINT EMPTY")], [5L, G("POINT(1.5 1.5)")], [6L, G("POINT(0 1)")]),
        Table(Areas, [10L, G("POLYGON((0 0,2 0,2 2,0 2,0 0))")], [11L, G("POLYGON((1 1,3 1,3 3,1 3,1 1))")], [12L, null], [13L, G("POLYGON EMPTY")]));

    private static Table SpatialJoin(Expr condition, bool semi = false, bool anti = false)
    {
        var (points, areas) = SpatialData();
        var b = new WorkflowBuilder("spatial");
        var p = b.Scan(TableName.TryParse("p")!, Points, "p");
        var a = b.Scan(TableName.TryParse("a")!, Areas, "a");
        int step = semi
            ? b.SemiJoin(p.Id, a.Id, condition, anti, "s").Id
            : b.Join(p.Id, a.Id, JoinKind.Inner, condition, WorkflowBuilder.JoinedSuffixOutputs(Points, Areas), "j").Id;
        var proj = b.Project(step, semi ? [new NamedExpr("pid", ExprFactory.Column(new Column("pid", SqlType.Int64)))]
            : [new NamedExpr("pid", ExprFactory.Column(new Column("pid", SqlType.Int64))), new NamedExpr("aid", ExprFactory.Column(new Column("aid_joined", SqlType.Int64)))], "ids");
        b.Sink(proj.Id, Output, WriteMode.Replace, "out");
        var result = Run(b.ToWorkflow(), Database.Empty.With(TableName.TryParse("p")!, points).With(TableName.TryParse("a")!, areas));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Outputs.Find(Output)!;
    }

    private static Expr Predicate(BuiltinFunction f) => ExprFactory.Call(f, Col(Points, "geom"), Col(Areas, "shape", input: 1));

    [Fact]
    public void Spatial_join_matches_points_within_polygons_with_null_and_empty_geometries_never_matching()
    {
        Assert.Equal("pid | aid\n1 | 10\n1 | 11\n5 | 10\n5 | 11\n6 | 10\n", SpatialJoin(Predicate(Functions.Intersects)).Format());
        // Within excludes boundary points: (1 1) lies on area 11's corner, (0 1) on area 10's edge.
        Assert.Equal("pid | aid\n1 | 10\n5 | 10\n5 | 11\n", SpatialJoin(Predicate(Functions.Within)).Format());
        Assert.Equal("pid | aid\n1 | 11\n6 | 10\n", SpatialJoin(Predicate(Functions.Touches)).Format());
    }

    [Fact]
    public void The_envelope_index_does_not_change_results()
    {
        foreach (var f in new[] { Functions.Intersects, Functions.Within, Functions.Touches, Functions.Covers })
        {
            var hidden = ExprFactory.Or(Predicate(f), Literal.Bool(false));
            Assert.Equal(SpatialJoin(hidden).Format(), SpatialJoin(Predicate(f)).Format());
        }
        var dwithin = ExprFactory.Call(Functions.DWithin, Col(Points, "geom"), Col(Areas, "shape", input: 1), Literal.Float(250_000));
        Assert.Equal(SpatialJoin(ExprFactory.Or(dwithin, Literal.Bool(false))).Format(), SpatialJoin(dwithin).Format());
    }

    [Fact]
    public void Semi_and_anti_joins_partition_the_left_rows_each_at_most_once()
    {
        var semi = SpatialJoin(Predicate(Functions.Intersects), semi: true);
        var anti = SpatialJoin(Predicate(Functions.Intersects), semi: true, anti: true);
        Assert.Equal([1L, 5L, 6L], Column(semi, "pid"));
        Assert.Equal([2L, 3L, 4L], Column(anti, "pid"));
    }

    [Fact]
    public void Union_all_matches_columns_by_name_in_the_first_inputs_order_and_widens()
    {
        var first = Schema(("a", SqlType.Int64), ("b", SqlType.String));
        var second = Schema(("b", SqlType.String), ("a", SqlType.Float64));
        var b = new WorkflowBuilder("union");
        var x = b.Scan(TableName.TryParse("x")!, first, "x");
        var y = b.Scan(TableName.TryParse("y")!, second, "y");
        var u = b.UnionAll([x.Id, y.Id, x.Id], "u");
        b.Sink(u.Id, Output, WriteMode.Replace, "out");
        var db = Database.Empty.With(TableName.TryParse("x")!, Table(first, [1L, "one"])).With(TableName.TryParse("y")!, Table(second, ["half", 0.5], [null, null]));
        var output = Run(b.ToWorkflow(), db).Outputs.Find(Output)!;
        Assert.Equal("a | b\n1 | one\n0.5 | half\nNULL | NULL\n1 | one\n", output.Format());
        Assert.IsType<double>(output.Rows[0][0]);
    }

    [Fact]
    public void Sort_puts_nulls_last_in_both_directions_and_keeps_ties_stable()
    {
        var asc = One(PeopleRows, (b, s) => b.Sort(s, [new SortKey(Col(People, "age"), false)], "s").Id);
        Assert.Equal([4L, 1L, 2L, 3L], Column(asc, "id"));
        var desc = One(PeopleRows, (b, s) => b.Sort(s, [new SortKey(Col(People, "age"), true)], "s").Id);
        Assert.Equal([2L, 1L, 4L, 3L], Column(desc, "id"));
        var byCity = One(PeopleRows, (b, s) => b.Sort(s, [new SortKey(Col(People, "city"), true)], "s").Id);
        Assert.Equal([3L, 1L, 4L, 2L], Column(byCity, "id"));
        var twoKeys = One(PeopleRows, (b, s) => b.Sort(s, [new SortKey(Col(People, "city"), false), new SortKey(Col(People, "age"), false)], "s").Id);
        Assert.Equal([4L, 1L, 3L, 2L], Column(twoKeys, "id"));
    }

    [Fact]
    public void Strings_sort_by_code_point()
    {
        var schema = Schema(("s", SqlType.String));
        var output = One(Table(schema, ["b"], ["B"], ["é"], ["😀"], ["\uFB01"], ["a"]), (b, s) => b.Sort(s, [new SortKey(Col(schema, "s"), false)], "s").Id);
        Assert.Equal(["B", "a", "b", "é", "\uFB01", "😀"], Column(output, "s"));
    }

    [Fact]
    public void Limit_and_distinct()
    {
        Assert.Equal(2, One(PeopleRows, (b, s) => b.Limit(s, Literal.Int(2), "l").Id).Count);
        Assert.Equal(0, One(PeopleRows, (b, s) => b.Limit(s, Literal.Int(0), "l").Id).Count);
        Assert.Equal(4, One(PeopleRows, (b, s) => b.Limit(s, Literal.Int(99), "l").Id).Count);
        var cities = One(PeopleRows, (b, s) => b.Distinct(b.Project(s, [new NamedExpr("city", Col(People, "city"))], "c").Id, "d").Id);
        Assert.Equal(["paris", null, "rome"], Column(cities, "city"));
    }

    [Fact]
    public void A_negative_limit_is_an_error_at_the_step()
    {
        var b = new WorkflowBuilder("limit");
        var scan = b.Scan(Source, People, "src");
        var origin = new FileLocation("limit.cwf");
        var limit = b.Limit(scan.Id, Literal.Int(-1), "top", origin);
        b.Sink(limit.Id, Output, WriteMode.Replace, "out");
        var result = Run(b.ToWorkflow(), Db(PeopleRows));
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.RuntimeInvalidArgument.Code, error.Code);
        Assert.Equal(origin, error.Location);
        Assert.Contains("'top'", error.Message);
        Assert.Null(result.Outputs.Find(Output));
    }

    [Fact]
    public void Sinks_replace_or_append_against_the_given_tables()
    {
        var b = new WorkflowBuilder("sinks");
        var scan = b.Scan(Source, People, "src");
        var few = b.Limit(scan.Id, Literal.Int(1), "one");
        b.Sink(few.Id, TableName.TryParse("appended")!, WriteMode.Append, "append");
        b.Sink(few.Id, TableName.TryParse("APPENDED")!, WriteMode.Append, "append again");
        b.Sink(few.Id, TableName.TryParse("replaced")!, WriteMode.Replace, "replace");
        var existing = Table(People, [9L, "zed", "oslo", 50L]);
        var db = Db(PeopleRows).With(TableName.TryParse("appended")!, existing).With(TableName.TryParse("replaced")!, existing);
        var outputs = Run(b.ToWorkflow(), db).Outputs;
        Assert.Equal([9L, 1L, 1L], Column(outputs["appended"], "id"));
        Assert.Equal([1L], Column(outputs["replaced"], "id"));
        Assert.Equal(2, outputs.Count);
    }

    [Fact]
    public void Appending_other_columns_is_an_error()
    {
        var b = new WorkflowBuilder("sinks");
        var scan = b.Scan(Source, People, "src");
        var names = b.Project(scan.Id, [new NamedExpr("name", Col(People, "name"))], "names");
        b.Sink(names.Id, TableName.TryParse("target")!, WriteMode.Append, "append");
        var db = Db(PeopleRows).With(TableName.TryParse("target")!, Table(Schema(("id", SqlType.Int64))));
        var result = Run(b.ToWorkflow(), db);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.RunAppendMismatch.Code);
    }

    [Fact]
    public void Opaque_steps_fail_with_a_diagnostic_and_independent_branches_still_run()
    {
        var b = new WorkflowBuilder("opaque");
        var scan = b.Scan(Source, People, "src");
        var custom = b.Opaque([scan.Id], "native.customsql", "SELECT * FROM $a", People, ImmutableSortedDictionary<string, string>.Empty, "custom");
        b.Sink(custom.Id, TableName.TryParse("blocked")!, WriteMode.Replace, "blocked");
        b.Sink(scan.Id, TableName.TryParse("copy")!, WriteMode.Replace, "copy");
        var result = Run(b.ToWorkflow(), Db(PeopleRows));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.OpaqueStepNotInterpretable.Code);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.RunStepSkipped.Code && d.Message.Contains("blocked"));
        Assert.NotNull(result.Outputs.Find(TableName.TryParse("copy")!));
        Assert.Null(result.Outputs.Find(TableName.TryParse("blocked")!));
    }

    [Fact]
    public void Missing_tables_and_columns_are_diagnostics()
    {
        var b = new WorkflowBuilder("missing");
        var scan = b.Scan(Source, People, "src");
        b.Sink(scan.Id, Output, WriteMode.Replace, "out");
        var none = Run(b.ToWorkflow(), Database.Empty);
        Assert.Contains(none.Diagnostics, d => d.Code == DiagnosticCodes.RunTableMissing.Code);
        var narrow = Run(b.ToWorkflow(), Db(Table(Schema(("id", SqlType.Int64)), [1L])));
        Assert.Contains(narrow.Diagnostics, d => d.Code == DiagnosticCodes.RunColumnMissing.Code && d.Message.Contains("'name'"));
        var wrongType = Run(b.ToWorkflow(), Db(Table(Schema(("id", SqlType.String), ("name", SqlType.String), ("city", SqlType.String), ("age", SqlType.Int64)))));
        Assert.Contains(wrongType.Diagnostics, d => d.Code == DiagnosticCodes.RunColumnTypeMismatch.Code);
    }

    [Fact]
    public void Scans_match_table_and_column_names_ignoring_case()
    {
        var b = new WorkflowBuilder("case");
        var scan = b.Scan(TableName.TryParse("Sales.Orders")!, Schema(("Amount", SqlType.Float64)), "orders");
        b.Sink(scan.Id, Output, WriteMode.Replace, "out");
        var db = Database.Empty.With(TableName.TryParse("sales.ORDERS")!, Table(Schema(("amount", SqlType.Float64)), [1.5]));
        Assert.Equal([1.5], Column(Run(b.ToWorkflow(), db).Outputs.Find(Output)!, "Amount"));
    }

    [Fact]
    public void A_chain_of_ten_thousand_steps_runs_without_recursion()
    {
        var schema = Schema(("x", SqlType.Int64));
        var b = new WorkflowBuilder("chain");
        int last = b.Scan(Source, schema, "src").Id;
        for (int i = 0; i < 10_000; i++)
            last = b.Project(last, [new NamedExpr("x", ExprFactory.Binary(BinaryOp.Add, ExprFactory.Column(new Column("x", SqlType.Int64)), Literal.Int(1)))], $"step{i}").Id;
        b.Sink(last, Output, WriteMode.Replace, "out");
        var progress = new RecordingProgress();
        var result = Interpreter.Run(b.ToWorkflow(), Db(Table(schema, [0L])), progress: progress);
        Assert.True(result.Succeeded);
        Assert.Equal([10_000L], Column(result.Outputs.Find(Output)!, "x"));
        Assert.Equal(2 * 10_002, progress.Events.Count);
        Assert.Equal("finished [10002/10002] sink 'out': 1 rows", progress.Events[^1]);
    }

    [Fact]
    public void Node_results_are_kept_on_request()
    {
        var b = new WorkflowBuilder("keep");
        var scan = b.Scan(Source, People, "src");
        var filter = b.Filter(scan.Id, Literal.Bool(true), FilterBranch.Match, "all");
        b.Sink(filter.Id, Output, WriteMode.Replace, "out");
        var result = Run(b.ToWorkflow(), Db(PeopleRows), KeepAll);
        Assert.Equal(4, result.NodeResults[filter.Id].Count);
        Assert.Empty(Run(b.ToWorkflow(), Db(PeopleRows)).NodeResults);
    }

    [Fact]
    public void The_given_tables_are_never_changed()
    {
        var b = new WorkflowBuilder("append");
        var scan = b.Scan(Source, People, "src");
        b.Sink(scan.Id, Source, WriteMode.Append, "self");
        var db = Db(PeopleRows);
        var result = Run(b.ToWorkflow(), db);
        Assert.Equal(8, result.Outputs["src"].Count);
        Assert.Equal(4, db["src"].Count);
    }
}
