using Cwf.Collections;
using Xunit.Abstractions;

namespace Cwf.Tests.Core;

/// <summary><see cref="PartitionedDictionary{TKey, TValue}"/> against <see cref="Dictionary{TKey, TValue}"/> on seeded random names.</summary>
public sealed class PartitionedDictionaryTests(ITestOutputHelper output)
{
    [Fact]
    public void Finds_and_orders_what_a_dictionary_does()
    {
        const int Seed = 2612;
        output.WriteLine($"seed {Seed}");
        var random = new Random(Seed);
        foreach (int count in new[] { 0, 1, 63, 64, 65, 5_000, 60_000 })
        {
            var table = new PartitionedDictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var expected = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var given = new List<string>();
            for (int i = 0; i < count; i++)
            {
                // Names given before come back in another case about one time in four, and replace the value in its place.
                var name = i > 0 && random.Next(4) == 0 ? Recased(given[random.Next(given.Count)], random) : $"b{random.Next(count * 2)}";
                given.Add(name);
                table[name] = i;
                expected[name] = i;
            }
            Assert.Equal(expected.Count, table.Count);
            Assert.Equal(expected.Values, table.Values);
            foreach (var (name, value) in expected)
            {
                Assert.True(table.TryGetValue(name.ToUpperInvariant(), out int found), name);
                Assert.Equal(value, found);
            }
            Assert.False(table.TryGetValue("not a name", out _));
        }
    }

    private static string Recased(string name, Random random) =>
        string.Concat(name.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : c));
}
