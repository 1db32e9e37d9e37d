using Cwf.Emit;

namespace Cwf.Tests.Emit;

public class DialectRegistryTests
{
    [Theory]
    [InlineData("bigquery", "bigquery")]
    [InlineData("BQ", "bigquery")]
    [InlineData("snowflake", "snowflake")]
    [InlineData("redshift", "redshift")]
    [InlineData("databricks", "databricks")]
    [InlineData("databricksWarehouse", "databricks")]
    [InlineData("postgres", "postgres")]
    [InlineData("postgresql", "postgres")]
    [InlineData(" PostGIS ", "postgres")]
    [InlineData("duckdb", "duckdb")]
    public void Finds_dialects_by_name_and_alias(string name, string expected) =>
        Assert.Equal(expected, Dialects.Find(name)?.Name);

    [Fact]
    public void Unknown_names_find_nothing() => Assert.Null(Dialects.Find("oracle"));

    [Fact]
    public void Registers_the_six_dialects_once()
    {
        Assert.Equal(["bigquery", "snowflake", "redshift", "databricks", "postgres", "duckdb"], Dialects.Names);
        var allNames = Dialects.All.SelectMany(d => d.Aliases.Prepend(d.Name)).Select(n => n.ToLowerInvariant()).ToList();
        Assert.Equal(allNames.Count, allNames.Distinct().Count());
    }
}
