using System.Text.Json.Nodes;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Conformance;

/// <summary>
/// The conformance canvases that are also kept as files in <c>Conformance/canvases/</c>
/// (<c>&lt;name&gt;.json</c> and <c>&lt;name&gt;.catalog.json</c>): realistic exports to compile by
/// hand (<c>./cwf compile tests/Cwf.Tests/Conformance/canvases/every_component.json --dialect
/// postgres --catalog tests/Cwf.Tests/Conformance/canvases/every_component.catalog.json</c>) and the
/// inputs of the every-dialect CLI tests. The builders are the source: CorpusTests keeps the
/// files equal to them (<c>CWF_ACCEPT_SNAPSHOTS=1</c> rewrites them).
/// </summary>
internal static class Corpus
{
    public sealed record Entry(string Name, Func<ProductCanvas> Canvas, TestTable[] Tables, bool PostgresOnly = false)
    {
        public string CanvasPath => Path.Combine(Directory, Name + ".json");
        public string CatalogPath => Path.Combine(Directory, Name + ".catalog.json");
        public JsonObject Catalog => CwfCli.Catalog(Tables);
    }

    public static string Directory => RepoPaths.Combine("tests", "Cwf.Tests", "Conformance", "canvases");

    public static IReadOnlyList<Entry> All { get; } =
    [
        new("every_component", ComponentCanvasFixture.Build, CityData.All),
    ];
}
