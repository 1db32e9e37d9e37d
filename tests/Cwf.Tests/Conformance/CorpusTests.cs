using Cwf.Tests.Infrastructure;
using Xunit.Sdk;

namespace Cwf.Tests.Conformance;

public class CorpusTests
{
    public static TheoryData<string> Names => [.. Corpus.All.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Corpus_file_is_the_canvas_its_builder_writes(string name)
    {
        var entry = Corpus.All.Single(e => e.Name == name);
        Check(entry.CanvasPath, entry.Canvas().ToJson());
        Check(entry.CatalogPath, entry.Catalog.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }

    private static void Check(string path, string text)
    {
        text = text.ReplaceLineEndings("\n") + "\n";
        if (File.Exists(path) && File.ReadAllText(path) == text) return;
        if (TestSettings.AcceptSnapshots)
        {
            File.WriteAllText(path, text);
            return;
        }
        throw new XunitException($"{Path.GetRelativePath(RepoPaths.Root, path)} is not what its builder writes; run with {TestSettings.AcceptSnapshotsVariable}=1 to rewrite it.");
    }
}
