using Cwf.Ir;

namespace Cwf.Tests.Core;

// Workflow.Consumers() is a view by position over the workflow's id index: it must answer as the dictionary it replaced.
public class NodeConsumersTests
{
    private static readonly Schema Ab = new([new Column("a", SqlType.Int64), new Column("b", SqlType.String)]);

    [Theory]
    [InlineData(1)]
    [InlineData(1_000_000)]
    public void Readers_are_found_by_id_in_node_order_and_missing_ids_are_not_keys(int scale)
    {
        var scan = new ScanNode(5 * scale, "s", TableName.TryParse("x.y")!, Ab);
        var filter = new FilterNode(2 * scale, "f", 5 * scale, Literal.Bool(true), FilterBranch.Match);
        var union = new UnionAllNode(7 * scale, "u", [2 * scale, 5 * scale, 2 * scale]);
        var workflow = new Workflow("w", [], [union, filter, scan]);

        var consumers = workflow.Consumers();

        Assert.Equal(3, consumers.Count);
        Assert.Equal([5 * scale, 2 * scale, 7 * scale], consumers.Keys);
        Assert.Equal([[2 * scale, 7 * scale], [7 * scale, 7 * scale], []], consumers.Values.Select(v => v.ToArray()));
        Assert.Equal(consumers.Keys, consumers.Select(kv => kv.Key));
        Assert.Equal(new[] { 7 * scale, 7 * scale }, consumers[2 * scale].ToArray());
        Assert.True(consumers.ContainsKey(7 * scale));
        Assert.True(consumers.TryGetValue(5 * scale, out var readers) && readers.Length == 2);
        foreach (var missing in new[] { 3, 3 * scale, -1, 8 * scale })
        {
            Assert.False(consumers.ContainsKey(missing));
            Assert.False(consumers.TryGetValue(missing, out _));
            Assert.Throws<KeyNotFoundException>(() => consumers[missing]);
        }
        Assert.Same(consumers, workflow.Consumers());
    }
}
