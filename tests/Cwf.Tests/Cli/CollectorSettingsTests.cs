using System.Text.Json;

namespace Cwf.Tests.Cli;

/// <summary>
/// The command line's collector settings (src/Cwf.Cli/Collector.props) as its build ships them in
/// Cwf.Cli.runtimeconfig.json, copied beside the tests: the benchmarks measure exactly these, so a setting
/// dropped in a build change would make large compiles slower without any test failing otherwise.
/// </summary>
public class CollectorSettingsTests
{
    private static JsonElement ConfigProperties()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Cwf.Cli.runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }

    [Fact]
    public void Server_collection_on_two_heaps_without_background_collection()
    {
        var properties = ConfigProperties();
        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.False(properties.GetProperty("System.GC.Concurrent").GetBoolean());
        Assert.Equal(2, properties.GetProperty("System.GC.HeapCount").GetInt32());
        Assert.Equal(0, properties.GetProperty("System.GC.DynamicAdaptationMode").GetInt32());
    }

    [Fact]
    public void Arrays_up_to_four_megabytes_stay_off_the_large_object_heap()
    {
        // 100,000 nodes of 8 bytes is 800 KB: past the default 85,000 bytes, within this threshold.
        Assert.Equal(4 * 1024 * 1024, ConfigProperties().GetProperty("System.GC.LOHThreshold").GetInt32());
    }
}
