namespace Cwf.Tests.Infrastructure;

[EngineTest(Engine.Parser)]
public sealed class SqlParsersTests
{
    public static TheoryData<ParserDialect, string> ValidStatements => new()
    {
        { ParserDialect.BigQuery, "CREATE OR REPLACE TABLE `p.s.t` AS SELECT id, ST_BUFFER(geom, 100) AS geom FROM `p.s.src` WHERE name LIKE 'a%'" },
        { ParserDialect.Snowflake, "CREATE OR REPLACE TABLE s.t AS SELECT id, ST_BUFFER(geom, 100) AS geom FROM s.src QUALIFY ROW_NUMBER() OVER (PARTITION BY id ORDER BY id) = 1" },
        { ParserDialect.Redshift, "INSERT INTO s.t SELECT id, ST_Buffer(geom, 100) FROM s.src ORDER BY id NULLS LAST" },
        { ParserDialect.Databricks, "CREATE OR REPLACE TABLE s.t AS WITH c AS (SELECT 1 AS x) SELECT * FROM c ORDER BY x DESC NULLS LAST" },
        { ParserDialect.Postgres, "CREATE TABLE \"public\".\"t\" AS SELECT id, ST_Buffer(geom::geometry, 1)::geometry AS g FROM src WHERE a::text LIKE 'x%'" },
        { ParserDialect.Trino, "CREATE TABLE c.s.t AS SELECT id, ST_AsBinary(ST_Point(x, y)) AS g, U&'a\\000Ab' AS s FROM c.s.src ORDER BY id DESC NULLS LAST" },
    };

    public static TheoryData<ParserDialect, string> InvalidStatements => new()
    {
        { ParserDialect.BigQuery, "SELECT (a + FROM t" },
        { ParserDialect.Snowflake, "SELECT * FORM t" },
        { ParserDialect.Redshift, "SELECT (a + FROM t" },
        { ParserDialect.Databricks, "SELECT 1 FROM t t2 t3" },
        { ParserDialect.Postgres, "CREATE TABLE AS SELECT 1" },
        { ParserDialect.Trino, "SELECT a FROM t GROUP BY" },
    };

    [Theory]
    [MemberData(nameof(ValidStatements))]
    public void Each_parser_accepts_valid_sql(ParserDialect dialect, string sql)
    {
        var verdict = Assert.Single(SqlParsers.Check([(dialect, sql)]));
        Assert.Equal(ParserOutcome.Accepted, verdict.Outcome);
    }

    [Theory]
    [MemberData(nameof(InvalidStatements))]
    public void Each_parser_rejects_invalid_sql(ParserDialect dialect, string sql)
    {
        var verdict = Assert.Single(SqlParsers.Check([(dialect, sql)]));
        Assert.Equal(ParserOutcome.Rejected, verdict.Outcome);
        Assert.False(string.IsNullOrEmpty(verdict.Error));
    }

    public static TheoryData<string, ParserDialect> GapsAndDialects()
    {
        var data = new TheoryData<string, ParserDialect>();
        foreach (var gap in ParserGaps.All)
            foreach (var dialect in gap.Dialects)
                data.Add(gap.Id, dialect);
        return data;
    }

    /// <summary>Keeps the gap list honest: each example is still rejected by the parser, and accepted through the gap.</summary>
    [Theory]
    [MemberData(nameof(GapsAndDialects))]
    public void Each_known_gap_is_still_a_gap_and_its_rewrite_parses(string id, ParserDialect dialect)
    {
        var gap = ParserGaps.All.Single(g => g.Id == id);

        var raw = Assert.Single(SqlParsers.ParseRaw([(dialect, gap.Example)]));
        Assert.False(raw.Ok, $"{dialect} now accepts the example of gap '{id}': remove the dialect from the gap (or the gap).");

        var verdict = Assert.Single(SqlParsers.Check([(dialect, gap.Example)]));
        Assert.Equal(ParserOutcome.AcceptedThroughGaps, verdict.Outcome);
        Assert.Contains(gap, verdict.GapsUsed);
    }

    [Theory]
    [InlineData(ParserDialect.Redshift, "CREATE TABLE s.t AS SELECT a, FROM u")]
    [InlineData(ParserDialect.Postgres, "SELECT ST_Area(g::geography) FROM t WHERE")]
    [InlineData(ParserDialect.BigQuery, "SELECT a FROM t QUALIFY ROW_NUMBER() OVER (ORDER BY a) = = 1")]
    [InlineData(ParserDialect.Databricks, "SELECT * EXCEPT (a) FROM t t2 t3")]
    public void A_gap_does_not_hide_an_error_elsewhere(ParserDialect dialect, string sql)
    {
        var verdict = Assert.Single(SqlParsers.Check([(dialect, sql)]));
        Assert.Equal(ParserOutcome.Rejected, verdict.Outcome);
        Assert.NotEmpty(verdict.GapsUsed);
    }

    [Fact]
    public void Rewrites_leave_literals_and_quoted_names_alone()
    {
        var gap = ParserGaps.All.Single(g => g.Id == "geography-type");

        var rewritten = gap.Rewrite(ParserDialect.Postgres, "SELECT 'geography; -- x', \"geography\", g::geography /* geography */ FROM t");

        Assert.Equal("SELECT 'geography; -- x', \"geography\", g::geometry   FROM t", rewritten);
    }

    [Fact]
    public void A_script_is_split_and_every_statement_checked()
    {
        var script = """
            BEGIN;
            DROP TABLE IF EXISTS "public"."out";
            CREATE TABLE "public"."out" AS
            SELECT id, ST_SetSRID(ST_Buffer(geom::geography, 100)::geometry, 4326)::geometry(Geometry,4326) AS geom
            FROM "raw"."schools" WHERE name <> 'a;b';
            COMMIT;
            """;

        var verdicts = SqlParsers.AssertScriptParses(ParserDialect.Postgres, script);

        Assert.Equal(4, verdicts.Count);
        Assert.Equal([1, 2, 3, 6], verdicts.Select(v => v.Line));
        Assert.Equal(["geography-type", "geometry-typmod"], verdicts[2].GapsUsed.Select(g => g.Id));
    }

    [Fact]
    public void A_script_with_a_bad_statement_fails_with_its_line()
    {
        var failure = Assert.Throws<Xunit.Sdk.XunitException>(() =>
            SqlParsers.AssertScriptParses(ParserDialect.Snowflake, "SELECT 1;\nSELECT * FORM t;\nSELECT 2;"));

        Assert.Contains("1 of 3 Snowflake statements do not parse", failure.Message);
        Assert.Contains("line 2", failure.Message);
    }

    [Fact]
    public void Many_statements_are_checked_in_one_batch()
    {
        var statements = Enumerable.Range(0, 500).Select(i => (ParserDialect.BigQuery, $"SELECT {i} AS x{i}")).ToList();

        var verdicts = SqlParsers.Check(statements);

        Assert.All(verdicts, v => Assert.Equal(ParserOutcome.Accepted, v.Outcome));
    }
}
