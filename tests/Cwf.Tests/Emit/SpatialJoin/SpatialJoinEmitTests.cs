using System.Collections.Immutable;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Planning;
using Cwf.Tests.Infrastructure;
using Cwf.Tests.Snapshots;
using static Cwf.Tests.Emit.SpatialJoin.SpatialJoinData;

namespace Cwf.Tests.Emit.SpatialJoin;

/// <summary>The SQL of planned spatial joins: its shape, the order of its statements, and the plans that are refused.</summary>
public class SpatialJoinEmitTests
{
    private static readonly Dialect Postgres = Dialects.Find("postgres")!;

    private static string Emit(Workflow workflow, MaterializationPlan plan, EmitMode mode = EmitMode.Script, Dialect? dialect = null)
    {
        var emitted = SqlEmitter.Emit(workflow, dialect ?? Postgres, new EmitOptions { Plan = plan, Mode = mode });
        Assert.True(emitted.Succeeded, string.Join("\n", emitted.Diagnostics));
        return emitted.Sql!;
    }

    private static string Planned(Workflow workflow) => Emit(workflow, Planner.Plan(workflow, Postgis));

    [Theory]
    [InlineData("within", "join")]
    [InlineData("intersects", "semi")]
    [InlineData("touches", "anti")]
    [InlineData("buffer probe", "left")]
    [InlineData("contains", "zones left")]
    [InlineData("dwithin", "join")]
    public void Planned_joins_read_the_indexed_pieces(string predicate, string shape)
    {
        var condition = PredicateNamed(predicate);
        var workflow = shape switch
        {
            "semi" => Filter(condition, anti: false),
            "anti" => Filter(condition, anti: true),
            "left" => Join(condition, JoinKind.Left),
            "zones left" => Join(condition, zonesLeft: true),
            _ => Join(condition),
        };
        var sql = Planned(workflow);
        Assert.Equal(sql, Planned(workflow));
        Snapshot.Match(sql, $"{predicate.Replace(' ', '_')}_{shape.Replace(' ', '_')}", "sql");
    }

    [Fact]
    public void Queries_and_warehouses_that_index_joins_themselves_get_no_spatial_join_plan_and_refuse_one()
    {
        var workflow = Join(PredicateNamed("within"));
        var plan = Planner.Plan(workflow, Postgis);
        Assert.Single(plan.SpatialJoins);
        // A single query cannot create tables.
        Assert.Empty(Planner.Plan(workflow, Postgis, singleQuery: true).SpatialJoins);
        Assert.Empty(Planner.Fit(plan, Postgis, singleQuery: true).SpatialJoins);
        var bigQuery = Dialects.Find("bigquery")!;
        Assert.Null(bigQuery.SpatialIndexing);
        Assert.Empty(Planner.Plan(workflow, bigQuery.OptimizerTarget).SpatialJoins);
        Assert.Equal(Emit(workflow, MaterializationPlan.AllCte, dialect: bigQuery), Emit(workflow, Planner.Fit(plan, bigQuery.OptimizerTarget), dialect: bigQuery));
        // The emitter carries the plan out as it stands: one made for another target or mode is refused.
        Assert.Throws<ArgumentException>(() => Emit(workflow, plan, EmitMode.Query));
        Assert.Throws<ArgumentException>(() => Emit(workflow, plan, dialect: bigQuery));
        Assert.Throws<ArgumentException>(() => Emit(workflow, plan, EmitMode.Procedure, Dialects.Find("snowflake")));
    }

    [Fact]
    public void A_plan_that_does_not_fit_its_node_is_refused()
    {
        var workflow = Join(PredicateNamed("within"));
        var plan = Planner.Plan(workflow, Postgis);
        var spatial = plan.SpatialJoins.Values.Single();
        MaterializationPlan With(SpatialJoinPlan p) => plan with { SpatialJoins = ImmutableSortedDictionary.CreateRange([KeyValuePair.Create(p.NodeId, p)]) };
        // Another predicate than the condition's, the wrong side, a node that is no join.
        Assert.Throws<ArgumentException>(() => Emit(workflow, With(spatial with { Conjunct = (Call)PredicateNamed("intersects")(c => new ColumnRef(c, SqlType.Geography), z => new ColumnRef(z, SqlType.Geography, true, 1)) })));
        Assert.Throws<ArgumentException>(() => Emit(workflow, With(spatial with { IndexedSide = 0 })));
        Assert.Throws<ArgumentException>(() => Emit(workflow, With(spatial with { NodeId = 1 })));
        Assert.Contains("ST_Subdivide", Emit(workflow, With(spatial)));
    }

    [Fact]
    public void Bookkeeping_columns_do_not_clash_with_the_inputs_columns()
    {
        var b = new WorkflowBuilder("clash");
        var cities = b.Scan(TestTable.ParseName(CitiesTable), TestTable.ParseColumns("cwf_probe int64, geom geography"), "cities");
        var zones = b.Scan(TestTable.ParseName(ZonesTable), TestTable.ParseColumns("cwf_row int64, geom geography"), "zones");
        var condition = ExprFactory.Call(Functions.Intersects,
            ExprFactory.Call(Functions.Buffer, new ColumnRef("geom", SqlType.Geography), Literal.Float(10)), new ColumnRef("geom", SqlType.Geography, true, 1));
        var join = b.Join(cities.Id, zones.Id, JoinKind.Inner, condition, [new(0, "cwf_probe", "a"), new(1, "cwf_row", "b")], "joined");
        b.Sink(join.Id, TestTable.ParseName(OutputTable), WriteMode.Replace, "save");
        var sql = Planned(b.ToWorkflow());
        Assert.Contains("ROW_NUMBER() OVER () AS cwf_row_2", sql);
        Assert.Contains(" AS cwf_probe_2", sql);
        Assert.Contains("r.cwf_row AS b", sql);
    }

    [Theory]
    [InlineData("intersects", false)]
    [InlineData("within", true)]
    public void A_probe_column_of_an_earlier_step_is_computed_once_per_row_and_only_an_inexact_predicate_asks_its_pieces_to_decide(string predicate, bool inexact)
    {
        // The buffer is a column of its own step, which PostgreSQL inlines when one query reads it:
        // the probing input is fenced so that the index lookup and the tests read it as computed once.
        var b = new WorkflowBuilder("probe step");
        var cities = b.Scan(TestTable.ParseName(CitiesTable), TestTable.ParseColumns(CityColumns), "cities");
        var zones = b.Scan(TestTable.ParseName(ZonesTable), TestTable.ParseColumns(ZoneColumns), "zones");
        var buffered = b.Project(cities.Id,
            [new NamedExpr("id", new ColumnRef("id", SqlType.Int64, false)),
             new NamedExpr("reach", ExprFactory.Call(Functions.Buffer, new ColumnRef("geom", SqlType.Geography), Literal.Float(10)))], "buffered");
        var join = b.Join(buffered.Id, zones.Id, JoinKind.Inner,
            PredicateNamed(predicate)(c => new ColumnRef(c == "geom" ? "reach" : c, SqlType.Geography), z => new ColumnRef(z, SqlType.Geography, true, 1)),
            [new(0, "id", "id"), new(1, "zone_id", "zone_id")], "joined");
        b.Sink(join.Id, TestTable.ParseName(OutputTable), WriteMode.Replace, "save");
        var sql = Planned(b.ToWorkflow());
        Assert.Matches(@"FROM \(\s+SELECT l\.\*\s+FROM buffered AS l\s+OFFSET 0\s+\) AS l\s+CROSS JOIN LATERAL", sql);
        // Where pieces are exact the WHERE already holds the predicate for every grouped piece: BOOL_OR of it would always be true.
        Assert.Equal(inexact, sql.Contains("AS cwf_sure", StringComparison.Ordinal));
        Assert.Equal(inexact, sql.Contains("BOOL_OR(", StringComparison.Ordinal));
        Assert.Contains($"ST_Subdivide(cwf_part.geom, {Planner.DefaultMaxVerticesPerPiece})", sql);
    }

    [Fact]
    public void The_indexed_side_is_built_after_the_tables_it_reads_and_dropped_at_the_end()
    {
        // The zones are filtered and shared by two outputs (a temporary table); the join reads them through its side table.
        var b = new WorkflowBuilder("order");
        var cities = b.Scan(TestTable.ParseName(CitiesTable), TestTable.ParseColumns(CityColumns), "cities");
        var zones = b.Scan(TestTable.ParseName(ZonesTable), TestTable.ParseColumns(ZoneColumns), "zones");
        var big = b.Sort(zones.Id, [new SortKey(new ColumnRef("zone_id", SqlType.Int64), false)], "sorted zones");
        var join = b.Join(cities.Id, big.Id, JoinKind.Inner,
            ExprFactory.Call(Functions.Within, new ColumnRef("geom", SqlType.Geography), new ColumnRef("geom", SqlType.Geography, true, 1)),
            [new(0, "id", "id"), new(1, "zone_id", "zone_id")], "joined");
        b.Sink(join.Id, TestTable.ParseName(OutputTable), WriteMode.Replace, "save");
        b.Sink(big.Id, TestTable.ParseName("out.zones"), WriteMode.Replace, "zones out");
        b.Sink(join.Id, TestTable.ParseName("out.again"), WriteMode.Replace, "again");
        var sql = Planned(b.ToWorkflow());
        int Index(string text)
        {
            int at = sql.IndexOf(text, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{text}' not in\n{sql}");
            return at;
        }
        Assert.True(Index("CREATE TEMPORARY TABLE cwf_sorted_zones AS") < Index("CREATE TEMPORARY TABLE cwf_joined_side AS"));
        Assert.True(Index("FROM cwf_sorted_zones") < Index("CREATE TEMPORARY TABLE cwf_joined_pieces AS"));
        Assert.True(Index("CREATE TEMPORARY TABLE cwf_joined_pieces AS") < Index("CREATE TEMPORARY TABLE cwf_joined AS"));
        Assert.True(Index("CREATE TEMPORARY TABLE cwf_joined AS") < Index("CREATE TABLE out.matches AS"));
        Assert.True(Index("DROP TABLE IF EXISTS pg_temp.cwf_joined;") < Index("DROP TABLE IF EXISTS pg_temp.cwf_joined_pieces;"));
        Assert.True(Index("DROP TABLE IF EXISTS pg_temp.cwf_joined_pieces;") < Index("DROP TABLE IF EXISTS pg_temp.cwf_joined_side;"));
        Assert.True(Index("DROP TABLE IF EXISTS pg_temp.cwf_joined_side;") < Index("DROP TABLE IF EXISTS pg_temp.cwf_sorted_zones;"));
    }

    [Fact]
    public void The_join_query_no_longer_reads_the_indexed_input()
    {
        var b = new WorkflowBuilder("closure");
        var cities = b.Scan(TestTable.ParseName(CitiesTable), TestTable.ParseColumns(CityColumns), "cities");
        var zones = b.Scan(TestTable.ParseName(ZonesTable), TestTable.ParseColumns(ZoneColumns), "zones");
        var named = b.Filter(zones.Id, ExprFactory.IsNull(new ColumnRef("zone", SqlType.String), negated: true), FilterBranch.Match, "named zones");
        var join = b.Join(cities.Id, named.Id, JoinKind.Inner,
            ExprFactory.Call(Functions.Intersects, new ColumnRef("geom", SqlType.Geography), new ColumnRef("geom", SqlType.Geography, true, 1)),
            [new(0, "id", "id"), new(1, "zone_id", "zone_id")], "joined");
        b.Sink(join.Id, TestTable.ParseName(OutputTable), WriteMode.Replace, "save");
        var sql = Planned(b.ToWorkflow());
        var output = sql[sql.IndexOf("CREATE TABLE out.matches", StringComparison.Ordinal)..];
        Assert.DoesNotContain("named_zones", output);
        Assert.Contains("WHERE zone IS NOT NULL", sql[..sql.IndexOf("CREATE TABLE out.matches", StringComparison.Ordinal)]);
    }
}
