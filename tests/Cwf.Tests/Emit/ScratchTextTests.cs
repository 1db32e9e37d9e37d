using System.Text;
using Cwf.Emit;

namespace Cwf.Tests.Emit;

/// <summary>
/// Builders reused query after query are cleared and shortened without the copy StringBuilder's Length setter makes
/// (<c>ScratchText</c>): a long builder's clear and a shortening across a chunk boundary allocate no large array
/// (85,000 bytes), and the text left is the text a Length setter would leave.
/// </summary>
public sealed class ScratchTextTests
{
    private const int Seed = 20261208;
    private const int LargeObject = 85_000;

    [Fact]
    public void Truncating_leaves_the_text_a_length_setter_would_across_chunks()
    {
        var random = new Random(Seed);
        var builder = new StringBuilder();
        var model = new StringBuilder();
        for (int round = 0; round < 2_000; round++)
        {
            // Appends of up to 3,000 characters make chunks (of at most 8,000); truncations cut inside and across them.
            var text = new string((char)('a' + round % 26), random.Next(0, 3_000));
            builder.Append(text);
            model.Append(text);
            if (random.Next(3) == 0)
            {
                int length = random.Next(Math.Max(0, builder.Length - 10_000), builder.Length + 1);
                ScratchText.Truncate(builder, length);
                model.Length = length;
            }
            Assert.True(model.Length == builder.Length, $"seed {Seed}, round {round}");
        }
        Assert.Equal(model.ToString(), builder.ToString());
    }

    [Fact]
    public void Clearing_a_long_builder_allocates_no_large_array()
    {
        var builder = Long(2_000_000);
        // The copy avoided: StringBuilder.Clear keeps the capacity in one array.
        var copied = Long(2_000_000);
        Assert.True(Allocated(() => copied.Clear()) > LargeObject);

        StringBuilder? cleared = null;
        long bytes = Allocated(() => cleared = ScratchText.Cleared(builder));
        Assert.True(bytes < LargeObject, $"{bytes} bytes");
        Assert.Equal(0, cleared!.Length);
        Assert.Equal("SELECT 1", cleared.Append("SELECT 1").ToString());
    }

    [Fact]
    public void A_short_builder_is_cleared_in_place()
    {
        var builder = new StringBuilder().Append('x', ScratchText.ClearedInPlace);
        var cleared = ScratchText.Cleared(builder);
        Assert.Same(builder, cleared);
        Assert.Equal(0, cleared.Length);
    }

    [Fact]
    public void Dropping_the_first_character_of_a_chunk_allocates_no_large_array()
    {
        var builder = Long(1_000_000);
        // Appends until one starts a chunk: the builder's last chunk then holds one character.
        for (int capacity = builder.Capacity; builder.Capacity == capacity;) builder.Append('y');
        var text = builder.ToString();
        long bytes = Allocated(() => ScratchText.Truncate(builder, builder.Length - 1));
        Assert.True(bytes < 1_000, $"{bytes} bytes");
        Assert.Equal(text[..^1], builder.ToString());
        // Written on after it: the text continues where it was cut.
        Assert.Equal(text[..^1] + "z", builder.Append('z').ToString());
    }

    [Fact]
    public void A_long_text_is_appended_in_small_chunks()
    {
        var random = new Random(Seed);
        var chars = new char[2_000_003];
        for (int i = 0; i < chars.Length; i++) chars[i] = (char)random.Next('a', 'z' + 1);
        var builder = new StringBuilder("WHERE ");
        ScratchText.Append(builder, chars);
        Assert.Equal("WHERE " + new string(chars), builder.ToString());
        // Appended at once, the rest would be one chunk of 2 million characters, a large object.
        foreach (var chunk in builder.GetChunks()) Assert.True(chunk.Length <= ScratchText.Piece, $"seed {Seed}: a chunk of {chunk.Length} characters");
    }

    [Fact]
    public void Lines_after_a_long_query_are_their_own_and_start_without_a_large_array()
    {
        var lines = new SqlLines(new SqlTextStore());
        var longQuery = lines.Start().Line("SELECT");
        for (int i = 0; i < 20_000; i++) longQuery.Line($"c{i}", 2, ",");
        var first = longQuery.Line("FROM t").ToBlock().ToString();
        Assert.StartsWith("SELECT\n  c0,\n", first);
        Assert.EndsWith("  c19999,\nFROM t\n", first);

        long bytes = Allocated(() => lines.Start());
        Assert.True(bytes < LargeObject, $"{bytes} bytes");
        Assert.Equal("SELECT 1\n\nFROM u\n", lines.Line("SELECT 1").Line("", 2).Line("FROM u").ToBlock().ToString());
    }

    private static StringBuilder Long(int length)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < length / 100; i++) builder.Append('x', 100);
        return builder;
    }

    private static long Allocated(Action action)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
