using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Optimization;
using static Cwf.Tests.Optimization.Fixtures;

namespace Cwf.Tests.Optimization;

public class PassManagerTests
{
    private static Workflow Sample()
    {
        var b = new WorkflowBuilder("sample");
        b.AddParameter(new Parameter("min_pop", SqlType.Int64, 50_000L, IsPublic: false));
        var cities = b.Scan(Table("cities"), Cities, "cities");
        var derive = b.Project(cities.Id, [b.Keep(cities.Id, "id"), b.Keep(cities.Id, "population"), b.Keep(cities.Id, "geom"),
            new("geom_buffer", ExprFactory.Call(Functions.Buffer, b.Col(cities.Id, "geom"), Literal.Float(10_000)))], "buffer");
        var big = b.Filter(derive.Id, ExprFactory.Binary(BinaryOp.Greater, b.Col(derive.Id, "population"), new ParamRef("min_pop", SqlType.Int64)), FilterBranch.Match, "big");
        var countries = b.Scan(Table("countries"), Countries, "countries");
        var join = b.Join(big.Id, countries.Id, JoinKind.Inner,
            ExprFactory.Call(Functions.Intersects, b.Col(big.Id, "geom_buffer"), b.Col(countries.Id, "geom", 1)),
            WorkflowBuilder.JoinedSuffixOutputs(b.SchemaOf(big.Id), Countries), "join");
        var agg = b.Aggregate(join.Id, [b.Keep(join.Id, "code_joined")], [new AggregateCall("n", AggregateFunction.CountAll, null)], "by_country");
        b.Sink(agg.Id, Table("out"), WriteMode.Replace, "out");
        b.Filter(cities.Id, Literal.Bool(true), FilterBranch.Match, "unused");
        return b.ToWorkflow();
    }

    private static OptimizerOptions Options(OptimizerTarget target) => new() { Target = target, RecordIr = true, VerifyEachPass = true };

    [Fact]
    public void Reaches_a_fixed_point_with_valid_ir_and_records_changes()
    {
        var result = PassManager.Optimize(Sample(), Options(BigQueryLike));
        Assert.True(result.ReachedFixedPoint);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(IrValidator.Validate(result.Optimized));
        Assert.All(result.Changes, r => Assert.NotEqual(r.Before, r.After));
        Assert.Contains(result.Changes, r => r.Pass == "spatial-buffer-to-dwithin");
        Assert.Equal("""
            param min_pop: int64 = 50000
            %1 = scan cities  // cities
            %8 = filter %1 (population > 50000)  // big
            %2 = project %8 [geom]  // buffer
            %4 = scan countries  // countries
            %5 = join[inner] %2 %4 on st_dwithin(geom, [1].geom, 10000.0) -> [1.code as code_joined]  // join
            %6 = aggregate %5 keys [code_joined] aggs [n := count()]  // by_country
            %7 = sink %6 -> out (replace)  // out
            """, Body(result.Optimized));
    }

    [Fact]
    public void On_postgis_the_buffer_stays_because_it_is_faster_there()
    {
        var result = PassManager.Optimize(Sample(), Options(PostgisLike));
        Assert.Contains("st_intersects(geom_buffer, [1].geom)", Body(result.Optimized));
        Assert.Empty(IrValidator.Validate(result.Optimized));
    }

    [Fact]
    public void No_opt_runs_no_pass_but_still_drops_dead_steps()
    {
        var sample = Sample();
        var result = PassManager.Optimize(sample, OptimizerOptions.Default with { Enabled = false });
        Assert.Empty(result.Runs);
        Assert.Equal(sample.Nodes.Length - 1, result.Optimized.Nodes.Length);
        Assert.Contains("st_buffer", Body(result.Optimized));
    }

    [Fact]
    public void Disabled_passes_do_not_run_and_unknown_names_are_reported_with_a_suggestion()
    {
        var options = Options(BigQueryLike).WithDisabledPasses("SPATIAL-BUFFER-TO-DWITHIN", "predicate-pushdwn");
        var result = PassManager.Optimize(Sample(), options);
        Assert.DoesNotContain(result.Runs, r => r.Pass == "spatial-buffer-to-dwithin");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownPass, error.Descriptor);
        Assert.Contains("did you mean 'predicate-pushdown'?", error.Hints);
    }

    [Fact]
    public void A_pass_that_breaks_the_ir_is_undone_and_reported()
    {
        var manager = new PassManager([new BreakingPass()]);
        var sample = Sample();
        var result = manager.Run(sample, Options(BigQueryLike));
        Assert.Contains(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.PassFailed);
        Assert.Empty(IrValidator.Validate(result.Optimized));
    }

    [Fact]
    public void Stops_at_the_iteration_bound_with_a_note()
    {
        var result = new PassManager([new RenamingPass()]).Run(Sample(), OptimizerOptions.Default with { MaxIterations = 3 });
        Assert.False(result.ReachedFixedPoint);
        Assert.Equal(3, result.Iterations);
        Assert.Contains(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.FixedPointNotReached);
    }

    private sealed class BreakingPass : OptimizerPass
    {
        public override string Name => "breaking";
        public override string Description => "drops a column a later step reads";
        public override Workflow Run(Workflow workflow, OptimizerTarget target) =>
            workflow.WithNodes(workflow.Nodes.Select(n => n is ScanNode s && s.Name == "cities" ? s with { TableSchema = new Schema([s.TableSchema[0]]) } : n));
    }

    private sealed class RenamingPass : OptimizerPass
    {
        public override string Name => "renaming";
        public override string Description => "never settles";
        public override Workflow Run(Workflow workflow, OptimizerTarget target) => workflow.WithNodes(workflow.Nodes.Select(n => n is ScanNode s ? s with { Name = s.Name + "'" } : n));
    }
}

public class PassCatalogTests
{
    [Fact]
    public void Pass_names_are_unique_kebab_case_and_every_pass_says_what_it_does()
    {
        var names = PassManager.PassNames;
        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.All(names, n => Assert.Matches("^[a-z]+(-[a-z]+)*$", n));
        Assert.All(PassManager.Default.Passes, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
    }

    [Fact]
    public void Explain_says_when_optimization_is_off()
    {
        var b = new WorkflowBuilder("off");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        b.Sink(scan.Id, Table("out"), WriteMode.Replace, "out");
        var result = PassManager.Optimize(b.ToWorkflow(), OptimizerOptions.Default with { Enabled = false });
        var text = Cwf.Planning.Explainer.Explain(result, Cwf.Planning.Planner.Plan(result.Optimized, OptimizerTarget.Conservative), OptimizerTarget.Conservative, timings: false);
        Assert.Contains("== optimizer: off (--no-opt); dead steps removed\n", text);
        Assert.EndsWith("== plan\nevery step: CTE\n", text);
    }
}
