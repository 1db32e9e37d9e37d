using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Cli.CliRunner;

namespace Cwf.Tests.Cli;

/// <summary>
/// GeoJSON data files in the built <c>./cwf</c> (Native AOT where the machine builds it): GeoJSON4STJ's converter
/// is reached without reflection, so the native binary reads a .geojson input and writes .geojson outputs
/// byte for byte as the in-process command line does.
/// </summary>
[EngineTest(Engine.Cli)]
public class GeoJsonDataProcessTests
{
    [Fact]
    public async Task The_built_command_line_reads_and_writes_geojson_as_in_process()
    {
        var data = Path.GetDirectoryName(Example("data", "trips_in_boroughs", "src.boroughs.geojson"))!;
        string[] Args(string output) => ["run", Example("trips_in_boroughs.cwf"), "--data", data, "--out", output, "--out-format", "geojson"];
        var native = Directory.CreateTempSubdirectory("cwf-geojson-native").FullName;
        var r = await ProcessRunner.RunAsync(Engine.Cli, RepoPaths.Combine("cwf"), Args(native), timeout: TimeSpan.FromMinutes(8));
        Assert.True(r.ExitCode == 0, r.StandardError);

        var inProcess = Directory.CreateTempSubdirectory("cwf-geojson-in-process").FullName;
        var expected = Run(Args(inProcess));
        Assert.True(expected.ExitCode == 0, expected.Error);
        var files = Directory.GetFiles(inProcess).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["out.trips_in_boroughs.geojson", "out.trips_outside.geojson"], files);
        Assert.Equal(files, Directory.GetFiles(native).Select(Path.GetFileName).Order());
        foreach (var file in files)
            Assert.Equal(File.ReadAllText(Path.Combine(inProcess, file!)), File.ReadAllText(Path.Combine(native, file!)));
        Assert.Contains("\"type\": \"Point\"", File.ReadAllText(Path.Combine(native, "out.trips_in_boroughs.geojson")));
    }
}
