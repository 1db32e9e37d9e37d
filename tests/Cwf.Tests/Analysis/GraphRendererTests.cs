using Cwf.Analysis;

namespace Cwf.Tests.Analysis;

public class GraphRendererTests
{
    private static string Render(GraphFormat format) => GraphRenderer.Render(WorkflowAnalyzerTests.Sample(out _, out _, out _), format);

    [Fact]
    public void Dot_labels_operator_and_schema_and_marks_dead_and_shared()
    {
        Assert.Equal("""
            digraph "sample" {
              rankdir=TB;
              node [shape=box, fontname="Helvetica", fontsize=10];
              n1 [label="%1 cities\lscan cities\l(id: int64 not null, name: string, population: int64, country: string, geom: geography)\l", shape=folder];
              n2 [label="%2 big [shared: read 3 times]\lfilter %1 (population > 5)\l(id: int64 not null, name: string, population: int64, country: string, geom: geography)\l", color=blue, penwidth=2];
              n3 [label="%3 leftover [dead]\lproject %1 [id]\l(id: int64 not null)\l", style=dashed, color=gray50, fontcolor=gray50];
              n4 [label="%4 a\lsink %2 -> a (replace)\l", shape=cylinder];
              n5 [label="%5 self\ljoin[inner] %2 %2 on (id = [1].id) -> [0.id]\l(id: int64 not null)\l"];
              n6 [label="%6 b\lsink %5 -> b (append)\l", shape=cylinder];
              n1 -> n2;
              n1 -> n3;
              n2 -> n4;
              n2 -> n5 [label="0"];
              n2 -> n5 [label="1"];
              n5 -> n6;
            }

            """, Render(GraphFormat.Dot));
    }

    [Fact]
    public void Mermaid_escapes_labels_and_classes_dead_and_shared_nodes()
    {
        var text = Render(GraphFormat.Mermaid);
        Assert.StartsWith("---\ntitle: sample\n---\nflowchart TD\n", text);
        Assert.Contains("  n2[\"%2 big [shared: read 3 times]<br/>filter %1 (population #gt; 5)<br/>", text);
        Assert.Contains("  n4[/\"%4 a<br/>sink %2 -#gt; a (replace)\"/]\n", text);
        Assert.Contains("  n2 -->|1| n5\n", text);
        Assert.Contains("  class n3 dead;\n  class n2 shared;\n", text);
    }

    [Fact]
    public void Json_lists_nodes_with_schema_flags_and_edges_with_ports()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(Render(GraphFormat.Json));
        var nodes = doc.RootElement.GetProperty("nodes");
        Assert.Equal(6, nodes.GetArrayLength());
        var dead = nodes[2];
        Assert.Equal("project", dead.GetProperty("kind").GetString());
        Assert.True(dead.GetProperty("dead").GetBoolean());
        Assert.Equal("w.cwf:2:1", dead.GetProperty("origin").GetString());
        Assert.Equal(3, nodes[1].GetProperty("reads").GetInt32());
        Assert.Equal("geography", nodes[0].GetProperty("schema")[4].GetProperty("type").GetString());
        Assert.Equal(6, doc.RootElement.GetProperty("edges").GetArrayLength());
    }

    [Fact]
    public void Rendering_is_deterministic_and_formats_parse_from_the_command_line()
    {
        foreach (var format in Enum.GetValues<GraphFormat>())
            Assert.Equal(Render(format), Render(format));
        Assert.True(GraphRenderer.TryParseFormat("Mermaid", out var f) && f == GraphFormat.Mermaid);
        Assert.False(GraphRenderer.TryParseFormat("svg", out _));
        Assert.False(GraphRenderer.TryParseFormat("7", out _));
    }
}
