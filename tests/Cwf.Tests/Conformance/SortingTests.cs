using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Conformance.PgRun;

namespace Cwf.Tests.Conformance;

/// <summary>Contract 5a.5: NULLs sort last in both directions, on every dialect.</summary>
[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class SortingTests(PostgresServer server)
{
    private static readonly TestTable Scores = TestTable.Create("src.scores", "player string, score int64, played date",
        ["a", 10, "2024-01-02"], ["b", null, "2024-01-01"], ["c", 30, null], ["d", 20, "2024-01-03"], ["e", null, null]);

    private static ProductCanvas Build(string column, string direction, string destination, int? limit = null)
    {
        var c = new ProductCanvas($"Sorted by {column} {direction}");
        var scores = c.Source("src.scores", "Scores");
        var order = c.Add("native.orderby", $"Sort {direction}", ("column", column), ("direction", direction));
        c.Connect(scores, order);
        var last = order;
        if (limit is { } n)
        {
            last = c.Add("native.limit", "First rows", ("limit", n));
            c.Connect(order, last);
        }
        c.Save(last, destination);
        return c;
    }

    [Theory]
    [InlineData("Ascending", new[] { "a", "d", "c" })]
    [InlineData("Descending", new[] { "c", "d", "a" })]
    public async Task Nulls_sort_last_in_both_directions_on_postgres(string direction, string[] nonNull)
    {
        await using var db = await server.CreateDatabaseAsync();
        await LoadAsync(db, Scores);
        await CompileAndRunAsync(db, Build("score", direction, "out.sorted"), CwfCli.Catalog(Scores));
        // A plain CREATE TABLE AS keeps the order of its query on PostgreSQL; the query is the contract.
        var players = (await db.QueryAsync("SELECT player FROM out.sorted")).Column("player").Cast<string>().ToArray();
        Assert.Equal(nonNull, players[..3]);
        Assert.Equal(["b", "e"], players[3..].Order());
    }

    [Theory]
    [InlineData("Ascending", "a, d, c")]
    [InlineData("Descending", "c, d, a")]
    public async Task Limit_after_sort_skips_nulls_first(string direction, string expected)
    {
        await using var db = await server.CreateDatabaseAsync();
        await LoadAsync(db, Scores);
        await CompileAndRunAsync(db, Build("score", direction, "out.top", limit: 3), CwfCli.Catalog(Scores));
        Assert.Equal(expected, string.Join(", ", (await db.QueryAsync("SELECT player FROM out.top")).Column("player")));
    }

    [Theory]
    [InlineData("bigquery")]
    [InlineData("snowflake")]
    [InlineData("redshift")]
    [InlineData("databricks")]
    [InlineData("postgres")]
    [InlineData("duckdb")]
    public void Every_dialect_emits_nulls_last_explicitly(string dialect)
    {
        foreach (var direction in new[] { "Ascending", "Descending" })
        {
            var sql = CwfCli.Compile(Build("played", direction, "out.sorted", limit: 2), dialect, CwfCli.Catalog(Scores)).Sql;
            Assert.Matches(direction == "Ascending" ? @"(?i)ORDER BY\s+\S*played(\s+ASC)?\s+NULLS LAST" : @"(?i)ORDER BY\s+\S*played\s+DESC\s+NULLS LAST", sql);
        }
    }
}
