using System.Globalization;
using System.Runtime.CompilerServices;
using CsCheck;
using Xunit.Sdk;

namespace Cwf.Tests.Infrastructure;

/// <summary>A generated value and the seed that regenerates it: with CWF_PROPERTY_SEED=<see cref="Seed"/> it is the first case generated.</summary>
public readonly record struct Seeded<T>(string Seed, T Value);

/// <summary>
/// The one way property tests draw random cases (CsCheck generators; a test fails on any direct
/// use of CsCheck's <c>Sample</c>, whose cases after the first come from a new random seed on
/// every run). The cases of a property come from one master seed, fixed per property, so every
/// run checks the same cases; <c>CWF_PROPERTY_SEED</c> replaces it for an exploratory run or a
/// replay. Cases are checked one at a time in order; the first failing case is shrunk
/// deterministically (a search from its own seed), and the failure names both seeds.
/// </summary>
public static class Property
{
    public const string SeedVariable = "CWF_PROPERTY_SEED";

    /// <summary>Candidates the shrinking search draws after a failure (most are skipped as not smaller).</summary>
    public const int DefaultShrinkIterations = 1000;

    /// <summary>
    /// The master generator the cases of a property come from: <c>CWF_PROPERTY_SEED</c> (a CsCheck
    /// seed string) when set, else the fixed seed of <paramref name="stream"/>, one per property so
    /// that properties see different cases.
    /// </summary>
    public static PCG Master(uint stream) => Master(stream, Environment.GetEnvironmentVariable(SeedVariable));

    /// <summary>The master generator of <paramref name="stream"/>, or of the seed <paramref name="given"/> when there is one.</summary>
    public static PCG Master(uint stream, string? given)
    {
        if (string.IsNullOrWhiteSpace(given)) return new PCG(stream, 0x5EED_C0DE_0000UL + stream);
        try
        {
            return PCG.Parse(given.Trim());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidOperationException($"{SeedVariable} must be a seed that a failing property printed, not '{given}'.", e);
        }
    }

    /// <summary>The stream of a property named <paramref name="property"/> (FNV-1a of its name: stable across runs and machines).</summary>
    public static uint Stream(string property)
    {
        uint hash = 2166136261;
        foreach (char c in property) hash = (hash ^ c) * 16777619;
        return hash;
    }

    /// <summary><paramref name="count"/> values from the master seed of <paramref name="stream"/>, each with the seed that regenerates it.</summary>
    public static IEnumerable<Seeded<T>> Cases<T>(Gen<T> gen, int count, uint stream)
    {
        var master = Master(stream);
        for (int i = 0; i < count; i++)
        {
            var seed = master.ToString(master.State);
            yield return new Seeded<T>(seed, gen.Generate(master, null, out _));
        }
    }

    /// <summary>
    /// Checks <paramref name="assert"/> on <paramref name="iterations"/> cases (default
    /// <see cref="TestSettings.PropertyIterations"/>) of the property named after the calling test.
    /// </summary>
    public static void Check<T>(this Gen<T> gen, Action<T> assert, int? iterations = null, Func<T, string>? print = null,
        int shrinkIterations = DefaultShrinkIterations, [CallerMemberName] string property = "") =>
        gen.CheckAsync(value =>
        {
            assert(value);
            return Task.CompletedTask;
        }, iterations, print, shrinkIterations, property).GetAwaiter().GetResult();

    /// <summary>The same for a generator of triples, as CsCheck's <c>Gen.Select(a, b, c)</c> gives.</summary>
    public static void Check<T1, T2, T3>(this Gen<(T1, T2, T3)> gen, Action<T1, T2, T3> assert, int? iterations = null,
        [CallerMemberName] string property = "") =>
        gen.Check(t => assert(t.Item1, t.Item2, t.Item3), iterations, property: property);

    /// <summary><see cref="Check{T}"/> for an asynchronous assertion.</summary>
    public static async Task CheckAsync<T>(this Gen<T> gen, Func<T, Task> assert, int? iterations = null, Func<T, string>? print = null,
        int shrinkIterations = DefaultShrinkIterations, [CallerMemberName] string property = "")
    {
        int count = iterations ?? TestSettings.PropertyIterations;
        int index = 0;
        foreach (var generated in Cases(gen, count, Stream(property)))
        {
            index++;
            if (await FailureAsync(assert, generated.Value) is not { } failure) continue;

            var smallest = await ShrinkAsync(gen, generated, async value => await FailureAsync(assert, value) is not null, shrinkIterations);
            var smallestFailure = smallest.Seed == generated.Seed ? failure : await FailureAsync(assert, smallest.Value) ?? failure;
            var describe = print ?? (value => CsCheck.Check.Print(value));
            throw new XunitException(string.Create(CultureInfo.InvariantCulture,
                $"Property {property} failed on case {index} of {count}, seed {generated.Seed} " +
                $"({(Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } given ? $"{SeedVariable}={given}" : "the property's fixed seed")}).\n" +
                $"The smallest failing case found, seed {smallest.Seed} ({SeedVariable}=<seed> makes a case the first one generated, to replay it alone):\n" +
                $"{describe(smallest.Value)}\n\n{Describe(smallestFailure)}"));
        }
    }

    /// <summary>
    /// The smallest value that still fails, found by generating <paramref name="iterations"/>
    /// candidates no bigger than the smallest failing one so far (CsCheck's sizes) and keeping those
    /// that are smaller and fail. The candidates come from the failing seed's own generator, so the
    /// search is the same on every run.
    /// </summary>
    public static async Task<Seeded<T>> ShrinkAsync<T>(Gen<T> gen, Seeded<T> failing, Func<T, Task<bool>> fails, int iterations)
    {
        var pcg = PCG.Parse(failing.Seed);
        gen.Generate(pcg, null, out var smallestSize);
        var smallest = failing;
        for (int i = 0; i < iterations; i++)
        {
            var seed = pcg.ToString(pcg.State);
            var candidate = gen.Generate(pcg, smallestSize, out var size);
            if (Size.IsLessThan(size, smallestSize) && await fails(candidate))
                (smallest, smallestSize) = (new Seeded<T>(seed, candidate), size);
        }
        return smallest;
    }

    private static async Task<Exception?> FailureAsync<T>(Func<T, Task> assert, T value)
    {
        try
        {
            await assert(value);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return e;
        }
    }

    /// <summary>An assertion's own message; the whole exception, stack included, for anything else (a bug in the code under test).</summary>
    private static string Describe(Exception failure) => failure is XunitException ? failure.Message : failure.ToString();
}
