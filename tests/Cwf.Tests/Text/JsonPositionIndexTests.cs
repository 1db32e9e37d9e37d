using Cwf.Text;

namespace Cwf.Tests.Text;

public class JsonPositionIndexTests
{
    private const string Json = """
        {
          "nodes": [
            {"id": "a", "data": {"inputs": [{"name": "x", "value": 1}, {"name": "y", "value": [10, 20]}]}},
            {"id": "b", "a/b": {"~t": true}, "id2": null}
          ],
          "nodes ": "other",
          "dup": 1, "dup": 2,
          "": {"": "empty"}
        }
        """;

    private static readonly JsonPositionIndex Index = JsonPositionIndex.Build(SourceText.From(Json, "x.json"));

    [Theory]
    [InlineData("", 1, 1)]
    [InlineData("/nodes", 2, 12)]
    [InlineData("/nodes/0", 3, 5)]
    [InlineData("/nodes/0/id", 3, 12)]
    [InlineData("/nodes/0/data/inputs/1/value", 3, 87)]
    [InlineData("/nodes/0/data/inputs/1/value/1", 3, 92)]
    [InlineData("/nodes/1/a~1b/~0t", 4, 31)]
    [InlineData("/nodes/1/id2", 4, 45)]
    [InlineData("/nodes ", 6, 13)]
    [InlineData("/dup", 7, 10)]
    [InlineData("/", 8, 7)]
    [InlineData("//", 8, 12)]
    public void Finds_the_value_at_a_pointer(string pointer, int line, int column) =>
        Assert.Equal(new LinePosition(line, column), Index.Find(pointer));

    [Theory]
    [InlineData("/nodes/7/id", "/nodes")]
    [InlineData("/nodes/01", "/nodes")]
    [InlineData("/nodes/-", "/nodes")]
    [InlineData("/nodes/0/data/inputs/1/value/2", "/nodes/0/data/inputs/1/value")]
    [InlineData("/nodes/0/missing/deeper", "/nodes/0")]
    [InlineData("/nodes/0/id/0", "/nodes/0/id")]
    [InlineData("/nodes/1/a/b", "/nodes/1")]
    [InlineData("/missing", "")]
    public void A_missing_value_gives_its_closest_ancestor(string pointer, string ancestor) =>
        Assert.Equal(Index.Find(ancestor), Index.Find(pointer));

    [Fact]
    public void Malformed_json_has_no_positions() =>
        Assert.Null(JsonPositionIndex.Build(SourceText.From("{\"a\": [1, }", "x.json")).Find("/a"));

    [Fact]
    public void Positions_count_utf16_characters_not_bytes()
    {
        var index = JsonPositionIndex.Build(SourceText.From("{\"é€😀\": \"ü\", \"k\": 1}", "x.json"));
        Assert.Equal(new LinePosition(1, 10), index.Find("/é€😀"));
        Assert.Equal(new LinePosition(1, 20), index.Find("/k"));
    }
}
