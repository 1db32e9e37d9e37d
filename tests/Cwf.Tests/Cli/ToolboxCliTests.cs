using static Cwf.Tests.Cli.CliRunner;

namespace Cwf.Tests.Cli;

/// <summary><c>--toolbox</c> on compile, check, explain and run, and the catalog's <c>"toolbox"</c> (spec/catalog.md).</summary>
public class ToolboxCliTests
{
    private static string CellCounts => Example("cell_counts.cwf");

    [Theory]
    [InlineData("compile")]
    [InlineData("check")]
    [InlineData("explain")]
    [InlineData("run")]
    public void Every_command_that_compiles_takes_the_option(string command) =>
        Assert.Matches(@"--toolbox <name>\s+where the CARTO Analytics Toolbox is installed", Run(command, "--help").Output);

    [Fact]
    public void The_default_the_option_and_the_warning_that_names_the_location()
    {
        var byDefault = Run("compile", CellCounts, "--dialect", "bigquery");
        Assert.Equal(0, byDefault.ExitCode);
        Assert.Contains("`carto-un`.carto.QUADBIN_FROMGEOGPOINT(geom, 12)", byDefault.Output);
        Assert.Contains("warning CWF6020: The BigQuery SQL for quadbin_from_point() (first used in step", byDefault.Error);

        var eu = Run("compile", CellCounts, "--dialect", "bigquery", "--toolbox", "carto-un-eu.carto");
        Assert.Contains("`carto-un-eu`.carto.QUADBIN_FROMGEOGPOINT(geom, 12)", eu.Output);
        Assert.Contains("`carto-un-eu`.carto.H3_CENTER(h3)", eu.Output);
        Assert.Contains("-- Needs the CARTO Analytics Toolbox for BigQuery (`carto-un-eu`.carto)", eu.Output);
        Assert.DoesNotContain("`carto-un`.", eu.Output);

        var check = Run("check", CellCounts, "--dialect", "snowflake", "--toolbox", "ANALYTICS.CARTO");
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("needs the CARTO Analytics Toolbox for Snowflake (ANALYTICS.CARTO)", check.Output);
    }

    [Fact]
    public void A_hostile_location_is_quoted_and_a_malformed_one_is_a_usage_error()
    {
        var hostile = Run("compile", CellCounts, "--dialect", "postgres", "--toolbox", "\"carto\"\"; DROP SCHEMA x; --\"");
        Assert.Equal(0, hostile.ExitCode);
        Assert.DoesNotContain("\n DROP SCHEMA", hostile.Output);
        Assert.All(hostile.Output.Split('\n').Where(l => l.Contains("DROP SCHEMA", StringComparison.Ordinal)),
            l => Assert.True(l.TrimStart().StartsWith("--", StringComparison.Ordinal) || l.Contains("\"carto; DROP SCHEMA x; --\".QUADBIN_", StringComparison.Ordinal), l));

        var malformed = Run("compile", CellCounts, "--dialect", "postgres", "--toolbox", "a.b.c");
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("--toolbox 'a.b.c' is not a schema or project.dataset", malformed.Error);
    }

    [Fact]
    public void The_catalog_names_the_toolbox_and_the_option_wins()
    {
        var dir = Directory.CreateTempSubdirectory("cwf-toolbox-");
        try
        {
            var catalog = Path.Combine(dir.FullName, "catalog.json");
            File.WriteAllText(catalog, """{ "toolbox": "geo.carto", "tables": [] }""");
            var fromCatalog = Run("compile", CellCounts, "--dialect", "redshift", "--catalog", catalog);
            Assert.Equal(0, fromCatalog.ExitCode);
            Assert.Contains("geo.carto.QUADBIN_FROMGEOGPOINT(", fromCatalog.Output);
            var option = Run("compile", CellCounts, "--dialect", "redshift", "--catalog", catalog, "--toolbox", "tools");
            Assert.Contains("tools.QUADBIN_FROMGEOGPOINT(", option.Output);
            Assert.DoesNotContain("geo.carto.", option.Output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
