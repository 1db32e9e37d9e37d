using static Cwf.Tests.Cli.CliRunner;

namespace Cwf.Tests.Cli;

/// <summary><c>--replace-strategy</c> on the command line, and what the day-one fixes of issue 12 look like to a user of <c>cwf compile</c>.</summary>
public class ReplaceStrategyCliTests
{
    private static string SchoolBuffers => Example("school_buffers.cwf");

    [Theory]
    [InlineData("compile")]
    [InlineData("run")]
    public void The_help_explains_each_strategy(string command)
    {
        var help = Run(command, "--help").Output;
        Assert.Matches(@"--replace-strategy <strategy>\s+how a replace output takes its table's place: drop \(the default", help);
        Assert.Contains("cascade (DROP TABLE ... CASCADE, which drops those views too; PostgreSQL and Redshift)", help);
        Assert.Contains("(drop|cascade|swap)", help);
    }

    [Fact]
    public void Swap_builds_beside_and_renames_into_place()
    {
        var r = Run("compile", SchoolBuffers, "--dialect", "postgres", "--replace-strategy", "swap");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("CREATE TABLE out.cwf_new_large_school_zones AS", r.Output);
        Assert.Contains("ALTER TABLE out.cwf_new_large_school_zones RENAME TO large_school_zones;", r.Output);
    }

    [Fact]
    public void Cascade_drops_the_views_with_the_table_on_PostgreSQL_and_is_an_error_on_BigQuery()
    {
        Assert.Contains("DROP TABLE IF EXISTS out.large_school_zones CASCADE;", Run("compile", SchoolBuffers, "--dialect", "postgres", "--replace-strategy", "CASCADE").Output);
        var bigquery = Run("compile", SchoolBuffers, "--dialect", "bigquery", "--replace-strategy", "cascade");
        Assert.Equal(1, bigquery.ExitCode);
        Assert.Equal("", bigquery.Output);
        Assert.Contains("error CWF6050: BigQuery has no DROP TABLE ... CASCADE", bigquery.Error);
    }

    [Fact]
    public void Drop_is_the_default()
    {
        var fallback = Run("compile", SchoolBuffers, "--dialect", "postgres").Output;
        Assert.Equal(fallback, Run("compile", SchoolBuffers, "--dialect", "postgres", "--replace-strategy", "drop").Output);
        Assert.Contains("DROP TABLE IF EXISTS out.large_school_zones;", fallback);
    }

    [Fact]
    public void An_unknown_strategy_is_a_usage_error_listing_the_valid_ones()
    {
        var r = Run("compile", SchoolBuffers, "--dialect", "postgres", "--replace-strategy", "truncate");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("'truncate' is not a valid value for --replace-strategy; valid values: drop, cascade, swap", r.Error);
    }

    /// <summary>The example names its tables analytics.retail.*: on PostgreSQL the script checks that it runs in database analytics.</summary>
    [Fact]
    public void A_three_part_name_on_PostgreSQL_warns_and_checks_the_database()
    {
        var r = Run("compile", Example("store_trade_areas.cwf"), "--dialect", "postgres");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("IF current_database() <> 'analytics' THEN", r.Output);
        Assert.Contains("warning CWF6031", r.Error);
        Assert.Contains("the script stops unless that is 'analytics'", r.Error);
    }
}
