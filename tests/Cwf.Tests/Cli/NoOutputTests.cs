using Cwf.Catalog;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Text;
using static Cwf.Tests.Cli.CliRunner;

namespace Cwf.Tests.Cli;

/// <summary>A workflow that writes no table is an error (CWF4002) in every command and mode; a single dead step stays a warning.</summary>
public sealed class NoOutputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cwf-no-output").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string text, string name = "w.cwf")
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string WithoutOutput = """
        source t = table "x.t" { a: int64 }
        let big = t | filter a > 1
        """;

    [Theory]
    [InlineData("compile", "--dialect", "postgres")]
    [InlineData("compile", "--dialect", "duckdb", "--emit", "query")]
    [InlineData("compile", "--dialect", "snowflake", "--emit", "procedure")]
    [InlineData("check")]
    [InlineData("check", "--dialect", "bigquery")]
    [InlineData("explain", "--dialect", "postgres")]
    [InlineData("graph")]
    public void A_program_without_an_output_fails_every_command(params string[] command)
    {
        var path = Write(WithoutOutput);
        var r = Run([command[0], path, .. command[1..]]);
        Assert.Equal(1, r.ExitCode);
        var text = r.Output + r.Error;
        Assert.Contains($"{path}: error CWF4002: Workflow 'w' writes no table", text);
        Assert.DoesNotContain("CREATE", r.Output);
        Assert.DoesNotContain("SELECT", r.Output);
    }

    [Fact]
    public void An_empty_file_writes_no_table_either()
    {
        var r = Run("compile", Write("// nothing yet\n", "empty.cwf"), "--dialect", "postgres");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Output);
        Assert.Contains("error CWF4002", r.Error);
    }

    [Fact]
    public void A_dead_step_beside_an_output_is_only_a_warning()
    {
        var r = Run("compile", Write(WithoutOutput + "\noutput t -> table \"o.t\"\n"), "--dialect", "postgres");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("warning CWF2016: 'big' is never used", r.Error);
        Assert.DoesNotContain("CWF4002", r.Error);
    }

    [Fact]
    public void The_front_end_reports_it_on_the_input_file_and_returns_no_workflow()
    {
        var front = FrontEnd.Load(SourceText.From(WithoutOutput, "w.cwf"), SchemaCatalog.Empty);
        Assert.Null(front.Workflow);
        var error = Assert.Single(front.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.NoOutput, error.Descriptor);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(new FileLocation("w.cwf"), error.Location);
        Assert.Contains("add an output step", error.Hints[0]);
    }

    [Fact]
    public void The_compiler_refuses_such_a_workflow_when_called_directly()
    {
        var bound = Binding.Compilation.Compile(WithoutOutput);
        var result = Compiler.Compile(bound.Workflow!, new CompileOptions(Cwf.Emit.Dialects.Find("postgres")!));
        Assert.Null(result.Sql);
        Assert.Contains(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.NoOutput && d.IsError);
    }
}
