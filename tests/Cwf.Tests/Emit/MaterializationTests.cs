using System.Collections.Immutable;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Planning;
using static Cwf.Ir.ExprFactory;

namespace Cwf.Tests.Emit;

/// <summary>The planner plans what each dialect can create (and fits hand-made plans, saying why); the emitter carries the plan out as it stands.</summary>
public class MaterializationTests
{
    /// <summary>One shared step (the points with their geography) read by two outputs.</summary>
    private static (Workflow Workflow, int Shared) Shared()
    {
        var b = new WorkflowBuilder("shared");
        var places = b.Scan(new TableName(["geo", "places"]), EmitSamples.Places, "places");
        var points = b.Project(places.Id, [
            new("id", EmitSamples.Col(EmitSamples.Places, "id")),
            new("geom", Call(Functions.Point, EmitSamples.Col(EmitSamples.Places, "lon"), EmitSamples.Col(EmitSamples.Places, "lat"))),
        ], "Points");
        var id = Column(points.Schema.Find("id")!);
        b.Sink(b.Filter(points.Id, Binary(BinaryOp.Greater, id, Literal.Int(1)), FilterBranch.Match, "Big ids").Id, new TableName(["geo", "a"]), WriteMode.Replace, "ka");
        b.Sink(b.Filter(points.Id, Binary(BinaryOp.Greater, id, Literal.Int(1)), FilterBranch.Unmatch, "Small ids").Id, new TableName(["geo", "b"]), WriteMode.Replace, "kb");
        return (b.ToWorkflow(), points.Id);
    }

    private static EmitOptions Plan(int node, Materialization kind, EmitMode mode = EmitMode.Script) => new()
    {
        Mode = mode,
        Plan = new MaterializationPlan(ImmutableSortedDictionary<int, NodePlan>.Empty.Add(node, new NodePlan(node, kind, "shared by two outputs"))),
    };

    [Fact]
    public void A_temporary_table_is_created_once_indexed_read_by_name_and_dropped()
    {
        var (workflow, shared) = Shared();
        var result = SqlEmitter.Emit(workflow, Dialects.Find("postgres")!, Plan(shared, Materialization.TempTable));
        var sql = result.Sql!;
        Assert.Empty(result.Diagnostics);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(sql, "ST_MakePoint"));
        int create = sql.IndexOf("CREATE TEMPORARY TABLE cwf_points AS\nSELECT", StringComparison.Ordinal);
        int index = sql.IndexOf("CREATE INDEX ON cwf_points USING GIST (geom);\n\nANALYZE cwf_points;", StringComparison.Ordinal);
        int firstOutput = sql.IndexOf("CREATE TABLE geo.a AS", StringComparison.Ordinal);
        int drop = sql.IndexOf("DROP TABLE IF EXISTS pg_temp.cwf_points;", StringComparison.Ordinal);
        Assert.True(create >= 0 && create < index && index < firstOutput && firstOutput < drop, sql);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(sql, "FROM cwf_points\n").Count);
        Assert.True(drop < sql.IndexOf("COMMIT;", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bigquery", "CREATE TEMPORARY TABLE cwf_points AS", "DROP TABLE IF EXISTS cwf_points;")]
    [InlineData("snowflake", "CREATE TEMPORARY TABLE cwf_points AS", "DROP TABLE IF EXISTS cwf_points;")]
    [InlineData("redshift", "CREATE TEMPORARY TABLE cwf_points AS", "DROP TABLE IF EXISTS cwf_points;")]
    [InlineData("duckdb", "CREATE TEMPORARY TABLE cwf_points AS", "DROP TABLE IF EXISTS cwf_points;")]
    public void Temporary_tables_in_each_dialect(string dialect, string create, string drop)
    {
        var (workflow, shared) = Shared();
        var sql = SqlEmitter.Emit(workflow, Dialects.Find(dialect)!, Plan(shared, Materialization.TempTable)).Sql!;
        Assert.Contains(create, sql);
        Assert.Contains(drop, sql);
    }

    [Fact]
    public void Databricks_has_no_temporary_tables_and_is_planned_a_temporary_view_instead()
    {
        var (workflow, shared) = Shared();
        var databricks = Dialects.Find("databricks")!;
        var plan = Planner.Plan(workflow, databricks.OptimizerTarget);
        Assert.Equal(Materialization.View, plan.For(shared));
        Assert.Contains("databricks has no temporary tables", plan.Decisions[shared].Reason);
        var result = SqlEmitter.Emit(workflow, databricks, new EmitOptions { Plan = plan });
        Assert.Contains("CREATE OR REPLACE TEMPORARY VIEW cwf_points AS", result.Sql);
        Assert.Contains("DROP VIEW IF EXISTS cwf_points;", result.Sql);

        // A plan made by hand is fitted by the planner, which says why it changed.
        var fitted = Planner.Fit(Plan(shared, Materialization.TempTable).Plan, databricks.OptimizerTarget);
        Assert.Equal(Materialization.View, fitted.For(shared));
        Assert.Equal("shared by two outputs; planned as a temporary table, but databricks has no temporary tables: a view instead", fitted.Decisions[shared].Reason);
    }

    [Fact]
    public void Views_are_temporary_where_possible_and_become_temporary_tables_on_BigQuery()
    {
        var (workflow, shared) = Shared();
        var pg = SqlEmitter.Emit(workflow, Dialects.Find("postgres")!, Plan(shared, Materialization.View)).Sql!;
        Assert.Contains("CREATE TEMPORARY VIEW cwf_points AS", pg);
        Assert.Contains("DROP VIEW IF EXISTS pg_temp.cwf_points;", pg);

        var bigQuery = Dialects.Find("bigquery")!;
        var fitted = Planner.Fit(Plan(shared, Materialization.View).Plan, bigQuery.OptimizerTarget);
        Assert.Equal(Materialization.TempTable, fitted.For(shared));
        Assert.Contains("cannot create a view without a schema", fitted.Decisions[shared].Reason);
        Assert.Contains("CREATE TEMPORARY TABLE cwf_points AS", SqlEmitter.Emit(workflow, bigQuery, new EmitOptions { Plan = fitted }).Sql);
    }

    [Fact]
    public void Queries_compute_everything_in_ctes()
    {
        var (workflow, shared) = Shared();
        var postgres = Dialects.Find("postgres")!;
        var planned = Planner.Plan(workflow, postgres.OptimizerTarget, singleQuery: true);
        Assert.Equal(Materialization.Cte, planned.For(shared));
        Assert.Contains("a single query per output creates no tables", planned.Decisions[shared].Reason);
        var fitted = Planner.Fit(Plan(shared, Materialization.TempTable).Plan, postgres.OptimizerTarget, singleQuery: true);
        Assert.Equal(Materialization.Cte, fitted.For(shared));
        var sql = SqlEmitter.Emit(workflow, postgres, new EmitOptions { Mode = EmitMode.Query, Plan = fitted }).Sql!;
        Assert.DoesNotContain("TEMPORARY", sql);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(sql, "ST_MakePoint").Count);
    }

    [Fact]
    public void The_emitter_refuses_a_plan_its_dialect_or_mode_cannot_carry_out()
    {
        var (workflow, shared) = Shared();
        var error = Assert.Throws<ArgumentException>(() => SqlEmitter.Emit(workflow, Dialects.Find("databricks")!, Plan(shared, Materialization.TempTable)));
        Assert.Contains("step 'Points'", error.Message);
        Assert.Contains("Planner.Fit", error.Message);
        Assert.Throws<ArgumentException>(() => SqlEmitter.Emit(workflow, Dialects.Find("bigquery")!, Plan(shared, Materialization.View)));
        Assert.Throws<ArgumentException>(() => SqlEmitter.Emit(workflow, Dialects.Find("postgres")!, Plan(shared, Materialization.TempTable, EmitMode.Query)));
    }

    [Fact]
    public void A_procedure_creates_and_drops_its_temporary_tables_in_its_body()
    {
        var (workflow, shared) = Shared();
        var sql = SqlEmitter.Emit(workflow, Dialects.Find("postgres")!, Plan(shared, Materialization.TempTable, EmitMode.Procedure)).Sql!;
        Assert.Contains("  CREATE TEMPORARY TABLE cwf_points AS", sql);
        Assert.Contains("  DROP TABLE IF EXISTS pg_temp.cwf_points;\nEND", sql);
    }
}
