using CsCheck;
using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Optimization;
using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Optimization.Fixtures;

namespace Cwf.Tests.Optimization;

/// <summary>
/// Every pass, and the whole pipeline, keeps the results of non-spatial workflows that exercise
/// its rewrites, on random tables full of NULLs and duplicates, as the reference interpreter computes them.
/// </summary>
public class PassSemanticsTests
{
    private static readonly Schema Numbers = new([new("v", SqlType.Int64)]);
    private static readonly Schema Floats = new([new("v", SqlType.Float64)]);

    private static Gen<object?> Choose(params object?[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<object?> SmallInt = Choose(null, 0L, 1L, 2L, 3L, 4L, 5L);
    private static readonly Gen<object?> Text = Choose(null, "FR", "DE", "Europe", "Asia", "a");
    private static readonly Gen<object?> Code = Choose("FR", "DE", "IT", "Europe");

    private static readonly Gen<Database> Data =
        Gen.Select(
            Gen.Select(Gen.Long[0, 4], Text, SmallInt, Text, (id, name, pop, country) => new object?[] { id, name, pop, country, null }).List[0, 7],
            Gen.Select(Code, Text, (code, continent) => new object?[] { code, continent, null }).List[0, 4],
            SmallInt.Select(v => new[] { v }).List[0, 5],
            Choose(null, 1.5, 2.0, -1.0).Select(v => new[] { v }).List[0, 5],
            (cities, countries, a, c) => Database.Empty
                .With(Table("cities"), new Cwf.Interpretation.Table(Cities, cities))
                .With(Table("countries"), new Cwf.Interpretation.Table(Countries, countries))
                .With(Table("a"), new Cwf.Interpretation.Table(Numbers, a))
                .With(Table("c"), new Cwf.Interpretation.Table(Floats, c)));

    public static TheoryData<string> Names => [.. Workflows().Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_pass_and_the_pipeline_keep_results(string name)
    {
        var workflow = Workflows()[name];
        var candidates = PassManager.Default.Passes
            .Select(pass => (pass.Name, Optimized: pass.Run(workflow, BigQueryLike)))
            .Append(("pipeline", PassManager.Optimize(workflow, new OptimizerOptions { Target = BigQueryLike, VerifyEachPass = true }).Optimized))
            .ToList();
        foreach (var (_, optimized) in candidates) Assert.Empty(IrValidator.Validate(optimized));
        Data.Check(data =>
        {
            var expected = Interpreter.Run(workflow, data);
            foreach (var (pass, optimized) in candidates)
                if (Results.Differences(expected, Interpreter.Run(optimized, data)) is { } differences)
                    Assert.Fail($"{pass} changed the results of '{name}':\n{differences}\n{IrPrinter.Print(optimized)}");
        }, iterations: 150);
    }

    private static Dictionary<string, Workflow> Workflows()
    {
        var all = new Dictionary<string, Workflow>();
        Expr Gt(WorkflowBuilder b, int n, string c, long v) => ExprFactory.Binary(BinaryOp.Greater, b.Col(n, c), Int(v));

        // One workflow per join kind and filter: a join read by several filters is shared, and nothing moves into a shared step.
        var filters = new (string Name, Func<WorkflowBuilder, int, Expr> Predicate, FilterBranch Branch)[]
        {
            ("rejecting", (b, j) => ExprFactory.And(Gt(b, j, "id", 1), ExprFactory.Eq(b.Col(j, "continent_joined"), Literal.String("Europe"))), FilterBranch.Match),
            ("two-sided", (b, j) => ExprFactory.Or(ExprFactory.IsNull(b.Col(j, "code_joined")), ExprFactory.IsNull(b.Col(j, "name"))), FilterBranch.Match),
            ("unmatch", (b, j) => ExprFactory.Eq(b.Col(j, "name"), b.Col(j, "continent_joined")), FilterBranch.Unmatch),
            ("unmatch-left", (b, j) => ExprFactory.Eq(b.Col(j, "name"), Literal.String("a")), FilterBranch.Unmatch),
            ("right-null", (b, j) => ExprFactory.IsNull(b.Col(j, "continent_joined")), FilterBranch.Match),
            ("left-null", (b, j) => ExprFactory.IsNull(b.Col(j, "population")), FilterBranch.Match),
            ("left-rejecting", (b, j) => Gt(b, j, "population", 2), FilterBranch.Match),
        };
        foreach (var kind in Enum.GetValues<JoinKind>())
        {
            foreach (var (filterName, predicate, branch) in filters)
            {
                var b = new WorkflowBuilder($"join-{kind}-{filterName}");
                var cities = b.Scan(Table("cities"), Cities, "cities");
                var countries = b.Scan(Table("countries"), Countries, "countries");
                var join = b.Join(cities.Id, countries.Id, kind, ExprFactory.And(
                    ExprFactory.Eq(b.Col(cities.Id, "country"), b.Col(countries.Id, "code", 1)),
                    ExprFactory.And(Gt(b, cities.Id, "population", 1), ExprFactory.IsNull(b.Col(countries.Id, "continent", 1), negated: true))),
                    WorkflowBuilder.JoinedSuffixOutputs(Cities, Countries), "j");
                var f = b.Filter(join.Id, predicate(b, join.Id), branch, filterName);
                b.Sink(f.Id, Table("out"), WriteMode.Replace, "out");
                all[b.Name] = b.ToWorkflow();
            }
        }

        {
            var b = new WorkflowBuilder("union");
            var a = b.Scan(Table("a"), Numbers, "a");
            var c = b.Scan(Table("c"), Floats, "c");
            var u = b.UnionAll([a.Id, c.Id, a.Id], "u");
            var f = b.Filter(u.Id, ExprFactory.Binary(BinaryOp.Greater, b.Col(u.Id, "v"), Literal.Float(1.5)), FilterBranch.Unmatch, "f");
            var l = b.Limit(f.Id, Int(4), "l");
            b.Sink(l.Id, Table("u"), WriteMode.Replace, "u");
            var sorted = b.Sort(u.Id, [new SortKey(b.Col(u.Id, "v"), true)], "s");
            b.Sink(b.Limit(b.Limit(sorted.Id, Int(3), "l3").Id, Int(2), "l2").Id, Table("top"), WriteMode.Replace, "top");
            all["union"] = b.ToWorkflow();
        }

        {
            var b = new WorkflowBuilder("aggregate");
            b.AddParameter(new Parameter("k", SqlType.Int64, 2L, IsPublic: false));
            var cities = b.Scan(Table("cities"), Cities, "cities");
            var derived = b.Project(cities.Id, [b.Keep(cities.Id, "country"), b.Keep(cities.Id, "population"),
                new("bucket", ExprFactory.Binary(BinaryOp.Modulo, b.Col(cities.Id, "id"), new ParamRef("k", SqlType.Int64)))], "derive");
            var agg = b.Aggregate(derived.Id, [b.Keep(derived.Id, "country"), b.Keep(derived.Id, "bucket")], [
                new AggregateCall("n", AggregateFunction.CountAll, null),
                new AggregateCall("pop", AggregateFunction.Count, b.Col(derived.Id, "population")),
                new AggregateCall("total", AggregateFunction.Sum, b.Col(derived.Id, "population"))], "g");
            var f = b.Filter(agg.Id, ExprFactory.And(ExprFactory.And(
                ExprFactory.Binary(BinaryOp.NotEqual, b.Col(agg.Id, "country"), Literal.String("DE")),
                Gt(b, agg.Id, "bucket", 0)), Gt(b, agg.Id, "n", 0)), FilterBranch.Match, "f");
            b.Sink(b.Project(f.Id, [b.Keep(f.Id, "country"), b.Keep(f.Id, "total")], "p").Id, Table("groups"), WriteMode.Replace, "groups");
            var summary = b.Aggregate(cities.Id, [], [new AggregateCall("n", AggregateFunction.CountAll, null)], "summary");
            b.Sink(b.Filter(summary.Id, Literal.Bool(false), FilterBranch.Match, "never").Id, Table("summary"), WriteMode.Replace, "summary");
            all["aggregate"] = b.ToWorkflow();
        }

        {
            var b = new WorkflowBuilder("semi");
            var cities = b.Scan(Table("cities"), Cities, "cities");
            var countries = b.Scan(Table("countries"), Countries, "countries");
            foreach (var anti in new[] { false, true })
            {
                var s = b.SemiJoin(cities.Id, countries.Id, ExprFactory.And(
                    ExprFactory.Eq(b.Col(cities.Id, "country"), b.Col(countries.Id, "code", 1)),
                    ExprFactory.And(ExprFactory.Eq(b.Col(countries.Id, "continent", 1), Literal.String("Europe")), Gt(b, cities.Id, "id", 0))), anti, "s");
                var f = b.Filter(s.Id, ExprFactory.IsNull(b.Col(s.Id, "population"), negated: true), FilterBranch.Match, "f");
                b.Sink(f.Id, Table(anti ? "anti" : "semi"), WriteMode.Replace, "out");
            }
            var join = b.Join(cities.Id, countries.Id, JoinKind.Inner, ExprFactory.Eq(b.Col(cities.Id, "country"), b.Col(countries.Id, "code", 1)),
                [new JoinOutput(0, "country", "c"), new JoinOutput(0, "id", "id")], "j");
            b.Sink(b.Distinct(join.Id, "d").Id, Table("distinct"), WriteMode.Replace, "d");
            var copy = b.Join(cities.Id, countries.Id, JoinKind.Inner, ExprFactory.Eq(b.Col(cities.Id, "country"), b.Col(countries.Id, "code", 1)),
                [new JoinOutput(0, "country", "c"), new JoinOutput(0, "id", "id")], "j2");
            var count = b.Aggregate(copy.Id, [], [new AggregateCall("n", AggregateFunction.CountAll, null)], "count");
            b.Sink(count.Id, Table("count"), WriteMode.Replace, "count");
            all["semi"] = b.ToWorkflow();
        }

        {
            var b = new WorkflowBuilder("folding");
            b.AddParameter(new Parameter("min", SqlType.Int64, 1L, IsPublic: false));
            var cities = b.Scan(Table("cities"), Cities, "cities");
            var f = b.Filter(cities.Id, ExprFactory.Or(
                ExprFactory.And(Literal.Null(SqlType.Bool), Gt(b, cities.Id, "population", 2)),
                ExprFactory.Binary(BinaryOp.Greater, b.Col(cities.Id, "id"), new ParamRef("min", SqlType.Int64))), FilterBranch.Unmatch, "f");
            var u = b.Filter(f.Id, ExprFactory.Binary(BinaryOp.Less, b.Col(f.Id, "id"), ExprFactory.Binary(BinaryOp.Add, Int(1), Int(2))), FilterBranch.Unmatch, "u");
            var p = b.Project(u.Id, [b.Keep(u.Id, "name"),
                new("n", ExprFactory.Call(Functions.Coalesce, Literal.Null(SqlType.Int64), b.Col(u.Id, "population"), Int(0))),
                new("k", ExprFactory.Case([new WhenClause(ExprFactory.IsNull(b.Col(u.Id, "id")), Literal.String("x"))], b.Col(u.Id, "country")))], "p");
            b.Sink(p.Id, Table("folded"), WriteMode.Replace, "folded");
            all["folding"] = b.ToWorkflow();
        }

        all["chain"] = Cwf.Benchmarks.Shapes.WorkflowShapes.LinearChain(40);
        return all;
    }
}
