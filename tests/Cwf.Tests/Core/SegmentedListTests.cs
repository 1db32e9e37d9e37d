using Cwf.Collections;
using Xunit.Abstractions;

namespace Cwf.Tests.Core;

/// <summary>
/// <see cref="SegmentedList{T}"/> against <see cref="List{T}"/> on seeded random lengths across segment boundaries, for
/// references and for a larger value type (shorter segments), and reused after <see cref="SegmentedList{T}.Clear"/>.
/// </summary>
public sealed class SegmentedListTests(ITestOutputHelper output)
{
    private readonly record struct Wide(long A, long B, long C);

    [Fact]
    public void Holds_what_a_list_holds_at_every_length()
    {
        const int Seed = 1426;
        output.WriteLine($"seed {Seed}");
        var random = new Random(Seed);
        // Up to past three segments of references (8,192 each) and twelve of the 24-byte value (2,048 each).
        foreach (int length in new[] { 0, 1, 4, 5, 2047, 2048, 2049, 8191, 8192, 8193, 16384, 25000 }.Concat(Enumerable.Range(0, 8).Select(_ => random.Next(30_000))))
        {
            var strings = new SegmentedList<string>();
            var wides = new SegmentedList<Wide>();
            var expectedStrings = new List<string>();
            var expectedWides = new List<Wide>();
            for (int i = 0; i < length; i++)
            {
                var s = random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
                var w = new Wide(random.NextInt64(), i, -i);
                strings.Add(s);
                wides.Add(w);
                expectedStrings.Add(s);
                expectedWides.Add(w);
            }
            AssertSameItems(expectedStrings, strings);
            AssertSameItems(expectedWides, wides);
        }
    }

    [Fact]
    public void A_cleared_list_keeps_nothing_of_its_earlier_items()
    {
        const int Seed = 77;
        output.WriteLine($"seed {Seed}");
        var random = new Random(Seed);
        var list = new SegmentedList<object>();
        var expected = new List<object>();
        // Long, short, long again: each fill sees none of the items of the one before, whatever their lengths.
        foreach (int length in new[] { 20_000, 3, 0, 9_000, 8_192, 17_000, 1 }.Concat(Enumerable.Range(0, 6).Select(_ => random.Next(20_000))))
        {
            list.Clear();
            expected.Clear();
            for (int i = 0; i < length; i++)
            {
                var item = new object();
                list.Add(item);
                expected.Add(item);
            }
            AssertSameItems(expected, list);
            Assert.Throws<ArgumentOutOfRangeException>(() => list[length]);
        }
    }

    [Fact]
    public void A_cleared_list_lets_its_items_go()
    {
        var list = new SegmentedList<object>();
        var items = Fill(list, 10_000);
        list.Clear();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.Equal(0, items.Count(reference => reference.IsAlive));
        GC.KeepAlive(list);
    }

    // In its own frame, so that no local keeps an item alive.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static List<WeakReference> Fill(SegmentedList<object> list, int count)
    {
        var references = new List<WeakReference>();
        for (int i = 0; i < count; i++)
        {
            var item = new object();
            list.Add(item);
            references.Add(new WeakReference(item));
        }
        return references;
    }

    [Fact]
    public void Items_can_be_replaced_in_place_and_copied_at_an_offset()
    {
        var list = new SegmentedList<int>();
        for (int i = 0; i < 50_000; i++) list.Add(i);
        list[30_000] = -1;
        list[0] = -2;
        var copy = new int[50_002];
        list.CopyTo(copy, 2);
        Assert.Equal(-2, copy[2]);
        Assert.Equal(-1, copy[30_002]);
        Assert.Equal(49_999, copy[^1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list.CopyTo(new int[50_000], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
        Assert.True(list.Contains(49_999));
        Assert.False(list.Contains(50_000));
    }

    private static void AssertSameItems<T>(List<T> expected, SegmentedList<T> list)
    {
        Assert.Equal(expected.Count, list.Count);
        Assert.Equal(expected, list.ToArray());
        Assert.Equal(expected, list.ToImmutableArray());
        // Enumeration, the indexer and LINQ's ToArray (through ICollection<T>.CopyTo, as Workflow takes the builder's nodes).
        var enumerated = new List<T>();
        foreach (var item in list) enumerated.Add(item);
        Assert.Equal(expected, enumerated);
        Assert.Equal(expected, Enumerable.Range(0, list.Count).Select(i => list[i]));
        Assert.Equal(expected, ((IEnumerable<T>)list).ToArray());
    }
}
