using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Canvas;

public class CanvasPropertyTests
{
    private static readonly Gen<int[]> Choices = Gen.Int[0, 1_000_000].Array[0, 60];

    [Fact]
    public void Random_valid_canvases_import_without_errors_and_with_the_contract_columns()
    {
        Choices.Check(choices =>
        {
            var canvas = new RandomCanvas(choices);
            var result = CanvasTestKit.Import(canvas.Canvas.ToJson());
            Assert.False(result.HasErrors, CanvasTestKit.Describe(result.Diagnostics));
            Assert.Empty(IrValidator.Validate(result.Workflow!));
            var sink = result.Workflow!.Sinks.Single(s => s.Table.ToString() == "out.result");
            Assert.Equal(canvas.ExpectedColumns, sink.Schema.Names);
        }, iterations: 300);
    }

    /// <summary>One way to damage a canvas; the check says what must (at least) be reported.</summary>
    private sealed record Mutation(string Name, Func<JsonObject, int, string> Apply, DiagnosticDescriptor? Expected);

    private static readonly Mutation[] Mutations =
    [
        new("drop a key", (c, r) => { var o = Objects(c)[r % Objects(c).Count]; if (o.Count > 0) o.Remove(o.ElementAt(r / 7 % o.Count).Key); return Write(c); }, null),
        new("wrong source handle", (c, r) => { Edge(c, r)["sourceHandle"] = "zz_handle"; return Write(c); }, DiagnosticCodes.UnknownHandle),
        new("wrong target handle", (c, r) => { Edge(c, r)["targetHandle"] = "zz_handle"; return Write(c); }, DiagnosticCodes.UnknownHandle),
        new("dangling edge", (c, r) => { var e = Edge(c, r).DeepClone(); e["source"] = "no-such-node"; c["edges"]!.AsArray().Add(e); return Write(c); }, DiagnosticCodes.EdgeToMissingNode),
        new("duplicate edge", (c, r) => { c["edges"]!.AsArray().Add(Edge(c, r).DeepClone()); return Write(c); }, DiagnosticCodes.DuplicateEdge),
        new("wrong value type", (c, r) => { var values = Values(c); if (values.Count > 0) values[r % values.Count]["value"] = Weird(r); return Write(c); }, null),
        new("delete a node", (c, r) => { var nodes = c["nodes"]!.AsArray(); nodes.RemoveAt(r % nodes.Count); return Write(c); }, null),
        new("truncate", (c, r) => { var s = Write(c); return s[..(r % s.Length)]; }, null),
        new("flip bytes", (c, r) => { var b = Encoding.UTF8.GetBytes(Write(c)); var rng = new Random(r); for (int i = 0; i < 5; i++) b[rng.Next(b.Length)] = (byte)rng.Next(256); return Encoding.UTF8.GetString(b); }, null),
        new("wrong root shape", (c, r) => { var keys = new[] { "nodes", "edges", "variables" }; c[keys[r % 3]] = Weird(r); return Write(c); }, null),
    ];

    [Fact]
    public void Mutated_canvases_give_diagnostics_never_exceptions()
    {
        Gen.Select(Choices, Gen.Int[0, Mutations.Length - 1], Gen.Int[0, int.MaxValue]).Check((choices, m, r) =>
        {
            var mutation = Mutations[m];
            var json = mutation.Apply(new RandomCanvas(choices).Canvas.ToJsonObject(), r);
            var result = CanvasTestKit.Import(json);
            Assert.NotEmpty(result.Diagnostics);
            if (mutation.Expected is { } expected)
                Assert.Contains(result.Diagnostics, d => d.Descriptor == expected);
            Assert.Equal(result.HasErrors, result.Workflow is null);
        }, iterations: 1000);
    }

    [Fact]
    public void Arbitrary_text_never_throws()
    {
        Gen.String.Check(text => Assert.NotEmpty(CanvasTestKit.Import(text).Diagnostics), iterations: 1000);
        Gen.String.Check(text => Assert.NotEmpty(CanvasTestKit.Import("/* {\"diagramJson\": \"" + text + "\"} */").Diagnostics), iterations: 500);
    }

    private static string Write(JsonObject canvas) => canvas.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    private static JsonObject Edge(JsonObject canvas, int r)
    {
        var edges = canvas["edges"]!.AsArray();
        return edges[r % edges.Count]!.AsObject();
    }

    private static JsonNode? Weird(int r) => (r % 6) switch
    {
        0 => null,
        1 => JsonValue.Create(r),
        2 => JsonValue.Create(true),
        3 => new JsonArray(1, "a", null),
        4 => new JsonObject { ["x"] = 1 },
        _ => JsonValue.Create("{{@missing}} 10.5m"),
    };

    /// <summary>Every JSON object in the tree, breadth-first.</summary>
    private static List<JsonObject> Objects(JsonNode root)
    {
        var result = new List<JsonObject>();
        var queue = new Queue<JsonNode>([root]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (node is JsonObject o)
            {
                result.Add(o);
                foreach (var (_, child) in o) if (child is not null) queue.Enqueue(child);
            }
            else if (node is JsonArray a)
                foreach (var child in a) if (child is not null) queue.Enqueue(child);
        }
        return result;
    }

    private static List<JsonObject> Values(JsonObject canvas) => [.. Objects(canvas).Where(o => o.ContainsKey("value") && o.ContainsKey("name"))];
}
