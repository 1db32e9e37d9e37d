using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using CsCheck;
using Xunit.Sdk;

namespace Cwf.Tests.Infrastructure;

public sealed partial class PropertyTests
{
    private static readonly Gen<int[]> Arrays = Gen.Int[0, 1000].Array[0, 20];

    [Fact]
    public void A_property_checks_the_same_cases_on_every_run_and_each_seed_regenerates_its_case()
    {
        var first = Property.Cases(Arrays, 50, Property.Stream("some property")).ToList();
        var second = Property.Cases(Arrays, 50, Property.Stream("some property")).ToList();
        Assert.Equal(first.Select(c => c.Seed), second.Select(c => c.Seed));
        Assert.Equal(first.Select(c => string.Join(",", c.Value)), second.Select(c => string.Join(",", c.Value)));
        foreach (var c in first)
            Assert.Equal(c.Value, Arrays.Generate(PCG.Parse(c.Seed), null, out _));

        var other = Property.Cases(Arrays, 50, Property.Stream("another property")).Select(c => c.Seed);
        Assert.Empty(first.Select(c => c.Seed).Intersect(other));
    }

    [Fact]
    public void A_given_seed_makes_its_case_the_first_one()
    {
        var seventh = Property.Cases(Arrays, 7, Property.Stream("some property")).Last();
        var replayed = Arrays.Generate(Property.Master(stream: 12, given: seventh.Seed), null, out _);
        Assert.Equal(seventh.Value, replayed);
        Assert.Throws<InvalidOperationException>(() => Property.Master(stream: 12, given: "not a seed!"));
    }

    [Fact]
    public void A_failing_property_reports_the_seed_of_its_smallest_failing_case_the_same_way_on_every_run()
    {
        static void LongArraysFail() => Arrays.Check(a => Assert.True(a.Length < 10), iterations: 200);
        var error = Assert.Throws<XunitException>(LongArraysFail);
        Assert.Equal(error.Message, Assert.Throws<XunitException>(LongArraysFail).Message);
        Assert.Contains($"Property {nameof(A_failing_property_reports_the_seed_of_its_smallest_failing_case_the_same_way_on_every_run)} failed on case ", error.Message);

        var seed = SmallestSeed().Match(error.Message).Groups[1].Value;
        var smallest = Arrays.Generate(PCG.Parse(seed), null, out _);
        Assert.True(smallest.Length >= 10, "the seed printed is a failing case");
        Assert.InRange(smallest.Length, 10, 12);
    }

    [GeneratedRegex(@"The smallest failing case found, seed (\S+) ")]
    private static partial Regex SmallestSeed();

    /// <summary>CsCheck's own sampling draws a new random seed on every run after the first case: properties go through <see cref="Property"/>.</summary>
    [Fact]
    public void No_test_draws_cases_with_a_random_seed()
    {
        using var file = File.OpenRead(typeof(PropertyTests).Assembly.Location);
        using var pe = new PEReader(file);
        var metadata = pe.GetMetadataReader();
        var random = metadata.MemberReferences.Select(metadata.GetMemberReference)
            .Where(r => r.Parent.Kind == HandleKind.TypeReference)
            .Select(r => (Type: metadata.GetTypeReference((TypeReferenceHandle)r.Parent), Name: metadata.GetString(r.Name)))
            .Where(r => metadata.GetString(r.Type.Namespace) == "CsCheck")
            .Select(r => $"{metadata.GetString(r.Type.Name)}.{r.Name}")
            .Where(name => name.StartsWith("Check.Sample", StringComparison.Ordinal) || name is "PCG.get_ThreadPCG" || name.StartsWith("Gen`1.Single", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.True(random.Count == 0, $"Use Property.Check / Property.Cases instead of {string.Join(", ", random)}.");
    }
}
