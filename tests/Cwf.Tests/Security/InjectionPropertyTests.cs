using System.Text;
using Cwf.Tests.Infrastructure;
using CsCheck;
using Xunit.Abstractions;

namespace Cwf.Tests.Security;

/// <summary>
/// No text a user controls escapes its quoting (issue 12). Hostile payloads go into every place
/// (<see cref="InjectionPlaces"/>), are compiled for every registered dialect and every mode, and
/// the SQL is read by that warehouse's independent lexer (<see cref="EmittedSqlCheck"/>): the
/// payload must stay inside one token of the kind its place allows and read back exactly, or the
/// compiler must refuse it with a diagnostic. The fixed matrix of canonical payloads must pass in
/// every cell; the random property explores further, with a seed to replay (CWF_PROPERTY_SEED).
/// </summary>
public sealed class InjectionPropertyTests(ITestOutputHelper output)
{
    /// <summary>A file to write every failure of the matrix to (one line each), to study them.</summary>
    public const string ReportVariable = "CWF_INJECTION_REPORT";

    [Fact]
    public void Every_place_compiles_a_benign_payload_for_every_dialect_and_mode()
    {
        foreach (var place in InjectionPlaces.All)
            foreach (var (dialect, mode) in InjectionCompiler.Targets())
                Assert.True(InjectionMatrix.Baseline(place, dialect, mode) > 0 || mode == Cwf.Emit.EmitMode.Query, $"{place} / {dialect.Name} / {mode}: no statement");
    }

    [Fact]
    public void Places_and_payloads_are_distinct()
    {
        Assert.Equal(InjectionPlaces.All.Count, InjectionPlaces.All.Select(p => p.Name).Distinct().Count());
        Assert.All(InjectionPayloads.Canonical, p => Assert.Contains(InjectionPayloads.Start, p.Payload, StringComparison.Ordinal));
    }

    /// <summary>Every canonical payload in every place, dialect and mode: no cell fails.</summary>
    [Fact]
    public void No_cell_of_the_matrix_fails()
    {
        var failures = InjectionPlaces.All
            .AsParallel()
            .SelectMany(place => InjectionPayloads.Canonical.SelectMany(p => InjectionMatrix.Evaluate(place, p.Payload)))
            .ToList();
        if (Environment.GetEnvironmentVariable(ReportVariable) is { Length: > 0 } path)
            File.WriteAllLines(path, failures.Select(f => f.ToString()).Order(StringComparer.Ordinal));
        var failing = failures.GroupBy(f => f.Cell).OrderBy(g => g.Key.ToString(), StringComparer.Ordinal).ToList();
        var report = new StringBuilder();
        foreach (var cell in failing)
        {
            report.Append("failure: ").Append(cell.Key).Append('\n');
            foreach (var f in cell.Take(3)) report.Append("    ").Append(f).Append('\n');
        }
        output.WriteLine($"{failing.Count} failing cells");
        Assert.True(report.Length == 0, report.ToString());
    }

    /// <summary>
    /// Random hostile text in a random place: nothing escapes. The cases
    /// come from the property's fixed seed (<see cref="Property.Cases{T}"/>); every failure names the
    /// seed that regenerates its case as the first one.
    /// </summary>
    [Fact]
    public void Random_hostile_text_in_any_place_stays_quoted()
    {
        var cases = Gen.Select(Gen.Int[0, InjectionPlaces.All.Count - 1], InjectionPayloads.Hostile, (place, payload) => (Place: InjectionPlaces.All[place], Payload: payload));
        var report = new StringBuilder();
        foreach (var (seed, (place, payload)) in Property.Cases(cases, TestSettings.PropertyIterations, Property.Stream(nameof(Random_hostile_text_in_any_place_stays_quoted))))
        {
            foreach (var failure in InjectionMatrix.Evaluate(place, payload).Take(3))
                report.Append($"seed {seed} ({Property.SeedVariable}={seed} with {TestSettings.PropertyIterationsVariable}=1 replays it): {failure}\n");
        }
        Assert.True(report.Length == 0, report.ToString());
    }
}
