using Cwf.Ir;

namespace Cwf.Tests.Core;

public class ColumnNameSetTests
{
    // Both ways of finding a name: searched in place while small, through the hash index past eight names.
    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(40)]
    public void Names_are_unique_ignoring_case_keep_their_first_spelling_and_their_order(int count)
    {
        var names = Enumerable.Range(0, count).Select(i => $"Col{i}").ToList();
        var set = new ColumnNameSet();
        foreach (var name in names) Assert.True(set.Add(name));
        foreach (var name in names) Assert.False(set.Add(name.ToUpperInvariant()));

        Assert.Equal(count, set.Count);
        Assert.Equal(names, set.ToList());
        Assert.All(names, n => Assert.True(set.Contains(n.ToLowerInvariant())));
        Assert.False(set.Contains("col" + count));
        Assert.False(set.Contains("Col"));
    }

    [Fact]
    public void A_set_made_from_names_drops_repeats_and_grows_with_a_union()
    {
        var set = new ColumnNameSet(["a", "B", "A", "c"]);
        Assert.Equal(["a", "B", "c"], set.ToList());
        set.UnionWith(["b", "d", "C"]);
        Assert.Equal(["a", "B", "c", "d"], set.ToList());
        Assert.Empty(new ColumnNameSet(0));
        Assert.True(new ColumnNameSet(0).Add("x"));
    }

    [Fact]
    public void Set_comparisons_ignore_case()
    {
        var set = new ColumnNameSet(["a", "b"]);
        string[] wider = ["A", "B", "c"];
        Assert.True(set.IsSubsetOf(wider));
        Assert.True(set.IsProperSubsetOf(wider));
        Assert.False(set.IsSupersetOf(wider));
        Assert.True(set.IsSupersetOf(["B"]));
        Assert.True(set.IsProperSupersetOf(["B"]));
        Assert.True(set.Overlaps(["x", "A"]));
        Assert.False(set.Overlaps(["x"]));
        Assert.True(set.SetEquals(["B", "a"]));
        Assert.False(set.SetEquals(["a"]));
    }
}
