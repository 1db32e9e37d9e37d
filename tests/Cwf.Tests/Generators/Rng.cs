using CsCheck;

namespace Cwf.Tests.Generators;

/// <summary>Convenience draws from CsCheck's PCG, so that generated cases replay from CsCheck's seeds.</summary>
internal sealed class Rng(PCG pcg)
{
    /// <summary>An integer in [min, max].</summary>
    public int Int(int min, int max) => max <= min ? min : min + (int)pcg.Next((uint)(max - min + 1));

    public long Long(long min, long max) => max <= min ? min : min + (long)pcg.Next64((ulong)(max - min) + 1);

    public double Double() => (pcg.Next64() >> 11) * (1.0 / (1UL << 53));

    public double Double(double min, double max) => min + Double() * (max - min);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => Double() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Int(0, items.Count - 1)];

    /// <summary>One of the options, each with its weight.</summary>
    public T Weighted<T>(params (int Weight, T Value)[] options)
    {
        int total = options.Sum(o => o.Weight);
        int roll = Int(0, total - 1);
        foreach (var (weight, value) in options)
        {
            if (roll < weight) return value;
            roll -= weight;
        }
        return options[^1].Value;
    }
}
