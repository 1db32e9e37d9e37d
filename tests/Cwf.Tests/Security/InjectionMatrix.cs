using System.Collections.Concurrent;
using Cwf.Emit;
using Cwf.Ir;

namespace Cwf.Tests.Security;

/// <summary>A failure found in one cell for one payload.</summary>
internal sealed record InjectionFailure(InjectionCell Cell, string Payload, string Problem)
{
    public override string ToString() => $"{Cell} with «{IdentifierRules.Display(Payload)}»: {Problem}";
}

/// <summary>
/// Places a payload in a place, compiles it for every dialect and mode, and judges each script
/// (<see cref="EmittedSqlCheck"/>). A refusal with a diagnostic is a pass; a crash never is.
/// Front-end results and benign baselines are cached: the same input gives the same answer.
/// </summary>
internal static class InjectionMatrix
{
    private static readonly ConcurrentDictionary<InjectionInput, (Workflow? Workflow, InjectionOutcome? Failure)> Loaded = new(new InputComparer());
    private static readonly ConcurrentDictionary<(string Place, string Dialect, EmitMode Mode), int> Baselines = new();

    public static List<InjectionFailure> Evaluate(InjectionPlace place, string payload)
    {
        var failures = new List<InjectionFailure>();
        foreach (var group in InjectionCompiler.Targets().GroupBy(t => t.Dialect))
        {
            var dialect = group.Key;
            if (place.Build(payload, dialect) is not { } input) continue;
            var (workflow, failure) = Load(input);
            foreach (var (_, mode) in group)
            {
                var cell = new InjectionCell(place.Name, dialect.Name, mode);
                var outcome = failure ?? InjectionCompiler.Compile(workflow!, dialect, mode);
                if (outcome.Crash is { } crash) failures.Add(new InjectionFailure(cell, payload, "the compiler crashed: " + crash));
                if (outcome.Sql is not { } sql) continue;
                foreach (var problem in EmittedSqlCheck.Problems(sql, dialect, mode, place.Form, place.Expected(payload), Baseline(place, dialect, mode)))
                    failures.Add(new InjectionFailure(cell, payload, problem));
            }
        }
        return failures;
    }

    /// <summary>The statement count of the place with a benign payload; a place that cannot compile one is a broken test.</summary>
    public static int Baseline(InjectionPlace place, Dialect dialect, EmitMode mode) =>
        Baselines.GetOrAdd((place.Name, dialect.Name, mode), _ =>
        {
            var input = place.Build(place.Benign, dialect) ?? throw new InvalidOperationException($"{place}: no benign input");
            var (workflow, failure) = Load(input);
            var outcome = failure ?? InjectionCompiler.Compile(workflow!, dialect, mode);
            return outcome.Sql is { } sql
                ? EmittedSqlCheck.Statements(sql, dialect, mode)
                : throw new InvalidOperationException($"{place} / {dialect.Name} / {mode}: the benign payload does not compile: {outcome.Refusal ?? outcome.Crash}");
        });

    private static (Workflow? Workflow, InjectionOutcome? Failure) Load(InjectionInput input) => Loaded.GetOrAdd(input, InjectionCompiler.Load);

    private sealed class InputComparer : IEqualityComparer<InjectionInput>
    {
        public bool Equals(InjectionInput? x, InjectionInput? y) =>
            x is not null && y is not null && x.Path == y.Path && x.Text == y.Text && x.Catalog == y.Catalog && x.ParamOverrides.SequenceEqual(y.ParamOverrides);

        public int GetHashCode(InjectionInput input) => HashCode.Combine(input.Path, input.Text, input.Catalog, string.Join("\0", input.ParamOverrides));
    }
}
