using static Cwf.Tests.Cli.CliRunner;

namespace Cwf.Tests.Cli;

/// <summary><c>--param name=value</c> on compile, check and run: values read strictly as their parameter's type.</summary>
public sealed class ParamTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cwf-param").FullName;

    private const string Program = """
        param radius = 500 m
        param plain: float64 = 3
        param top: int64 = 10
        param since: date = date '2024-01-01'
        param seen: timestamp = timestamp '2024-01-01 10:00:00'
        source t = table "x.t" { a: int64, g: geography, d: date, ts: timestamp }
        output t
          | filter d >= since and ts >= seen and a > plain
          | buffer g by radius
          | take top
          -> table "o.t"
        """;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string text, string name = "p.cwf")
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private Result Compile(params string[] parameters) =>
        Run(["compile", Write(Program), "--dialect", "postgres", .. parameters.SelectMany(p => new[] { "--param", p })]);

    [Theory]
    [InlineData("radius=1.5km", "1500.0")]
    [InlineData("radius=1.5 km", "1500.0")]
    [InlineData("radius=0.5mi", "804.672")]
    [InlineData("radius=700", "700.0")]
    public void A_parameter_declared_with_a_unit_takes_a_value_in_any_unit_of_its_kind(string assignment, string meters)
    {
        var r = Compile(assignment);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains($"ST_Buffer(g::geography, CAST({meters} AS DOUBLE PRECISION)", r.Output);
    }

    [Fact]
    public void The_store_example_takes_its_radius_in_kilometers()
    {
        var r = Run("compile", Example("store_trade_areas.cwf"), "--dialect", "postgres", "--param", "radius=1.5km");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("ST_Buffer(geom::geography, CAST(1500.0 AS DOUBLE PRECISION)", r.Output);
    }

    [Theory]
    [InlineData("radius=2km2", "'2km2' is not a valid float64 value for parameter 'radius': 'radius' is a length (meters): its units are m, km, mi or ft")]
    [InlineData("radius=2 furlongs", "'2 furlongs' is not a valid float64 value for parameter 'radius': 'radius' is a length (meters): its units are m, km, mi or ft")]
    [InlineData("plain=3km", "'3km' is not a valid float64 value for parameter 'plain': 'plain' was declared without a unit, so it takes a plain number; declare it with one (param plain = 500 m) to give values such as 1.5km")]
    [InlineData("top=99999999999999999999", "'99999999999999999999' is not a valid int64 value for parameter 'top': it is outside the int64 range (-9223372036854775808 to 9223372036854775807)")]
    [InlineData("top=1e30", "'1e30' is not a valid int64 value for parameter 'top': it is outside the int64 range (-9223372036854775808 to 9223372036854775807)")]
    [InlineData("top=1.5", "'1.5' is not a valid int64 value for parameter 'top': it is not a whole number; use 1 or 2")]
    [InlineData("top=5km", "'5km' is not a valid int64 value for parameter 'top': an int64 parameter takes a whole number without a unit")]
    [InlineData("top=ten", "'ten' is not a valid int64 value for parameter 'top': write a whole number such as 100")]
    [InlineData("since=2024/01/31", "'2024/01/31' is not a valid date value for parameter 'since': write a date as YYYY-MM-DD, e.g. 2024-01-31")]
    [InlineData("seen=yesterday", "'yesterday' is not a valid timestamp value for parameter 'seen': write a timestamp as YYYY-MM-DD HH:MM:SS, e.g. 2024-01-31 13:45:00")]
    public void A_value_that_does_not_fit_is_a_usage_error_that_says_the_format(string assignment, string message)
    {
        var r = Compile(assignment);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Output);
        Assert.Contains("cwf: error: " + message, r.Error);
    }

    [Theory]
    [InlineData("top=0", "LIMIT 0")]
    [InlineData("top=9223372036854775807", "LIMIT 9223372036854775807")]
    [InlineData("since=2024-02-29", "'2024-02-29'")]
    [InlineData("seen=2024-02-29T08:30:00", "'2024-02-29 08:30:00'")]
    [InlineData("seen=2024-02-29", "'2024-02-29 00:00:00'")]
    public void A_value_that_fits_is_inlined_as_its_type(string assignment, string sql)
    {
        var r = Compile(assignment);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains(sql, r.Output);
        Assert.DoesNotContain("1E+", r.Output);
    }

    [Fact]
    public void A_negative_limit_from_the_command_line_is_an_error_at_the_take_step()
    {
        var r = Compile("top=-3");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Output);
        Assert.Matches(@"p\.cwf:10:5: error CWF2806: the limit of step 'output_t' is parameter 'top', whose value -3 is negative", r.Error);
    }

    [Fact]
    public void A_negative_limit_default_is_an_error_in_every_command()
    {
        var path = Write("""
            param n: int64 = -5
            source t = table "x.t" { a: int64 }
            output t | take n -> table "o.t"
            """, "negative.cwf");
        foreach (var args in new[] { new[] { "check", path }, ["compile", path, "--dialect", "duckdb"] })
        {
            var r = Run(args);
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("negative.cwf:3:12: error CWF2806: the limit of step 'output_t' is parameter 'n', whose value -5 is negative", r.Output + r.Error);
        }
        // The default itself is wrong (it is the procedure argument's default too): a value given for one run does not excuse it.
        Assert.Equal(1, Run("check", path, "--param", "n=5").ExitCode);
    }

    [Fact]
    public void Check_takes_param_too()
    {
        var program = Write(Program);
        Assert.Equal(0, Run("check", program, "--param", "top=3", "--param", "radius=2km").ExitCode);
        var bad = Run("check", program, "--param", "top=3.5");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("it is not a whole number", bad.Error);
        var negative = Run("check", program, "--dialect", "bigquery", "--param", "top=-1");
        Assert.Equal(1, negative.ExitCode);
        Assert.Contains("error CWF2806", negative.Output);
        Assert.Contains("--param <name=value>", Run("check", "--help").Output);
    }
}
