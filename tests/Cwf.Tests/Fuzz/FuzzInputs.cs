using CsCheck;
using Cwf.Tests.Canvas;
using Cwf.Tests.Formatting;
using Cwf.Tests.Generators;

namespace Cwf.Tests.Fuzz;

/// <summary>
/// Makes input number <c>i</c> of a run from the run's seed alone (so any input can be made
/// again on its own): a corpus seed, a generated .cwf program, a generated canvas or a generated
/// IR workflow, then up to three mutations: most aware of the JSON or .cwf structure, the rest of text alone.
/// </summary>
internal static class FuzzInputs
{
    private static readonly Lazy<IReadOnlyList<FuzzInput>> Workflows = new(() => FuzzCorpus.Workflows);
    private static readonly Lazy<IReadOnlyList<FuzzInput>> Snippets = new(() => FuzzCorpus.Snippets);
    private static readonly Lazy<IReadOnlyList<string>> Others = new(() => [.. FuzzCorpus.Seeds.Select(c => c.Text)]);

    public static FuzzInput Make(long seed, long index)
    {
        var rng = new Random(Mix(seed, index));
        var pcg = new PCG((uint)rng.Next(), (ulong)rng.NextInt64());
        var others = Others.Value;
        int roll = rng.Next(100);
        FuzzInput input;
        if (roll < 40) input = TextMutator.Pick(rng, Workflows.Value);
        else if (roll < 55) input = TextMutator.Pick(rng, Snippets.Value);
        else if (roll < 70) input = new FuzzInput("generated.cwf", ProgramGenerators.Program.Generate(pcg, null, out _), null, ["generated program"]);
        else if (roll < 85) input = Canvas(rng, roll % 3);
        else
        {
            var generated = WorkflowGenerator.Cases(rng.Next(2) == 0 ? GeneratorOptions.Everything : new GeneratorOptions()).Generate(pcg, null, out _);
            return new FuzzInput("generated.ir", generated.ToString(), null, ["generated IR workflow"], generated.Workflow);
        }

        int mutations = rng.Next(20) switch { < 4 => 0, < 12 => 1, < 17 => 2, _ => 3 };
        for (int m = 0; m < mutations; m++)
        {
            if (input.Catalog is { } catalog && rng.Next(8) == 0)
            {
                var (text, step) = JsonMutator.Mutate(catalog, rng, others) ?? TextMutator.Mutate(catalog, rng, others);
                input = input.WithCatalog(text, "catalog " + step);
                continue;
            }
            var mutated = rng.Next(3) == 0 ? null
                : input.IsJson ? JsonMutator.Mutate(input.Text, rng, others)
                : input.Path.EndsWith(".cwf", StringComparison.Ordinal) ? CwfMutator.Mutate(input.Text, rng)
                : null;
            var (newText, description) = mutated ?? TextMutator.Mutate(input.Text, rng, others);
            input = input.With(newText, description);
        }
        return input;
    }

    // SplitMix64 of the pair: a stable seed per input (HashCode differs between processes).
    private static int Mix(long seed, long index)
    {
        ulong z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)index);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)(z ^ (z >> 31));
    }

    // A random valid canvas from the property tests' builder, as an export, a CLI bundle or generated SQL.
    private static FuzzInput Canvas(Random rng, int envelope)
    {
        var choices = Enumerable.Range(0, rng.Next(60)).Select(_ => rng.Next(1_000_000)).ToArray();
        var json = new RandomCanvas(choices).Canvas.ToJson();
        return envelope switch
        {
            0 => new FuzzInput("generated.json", json, null, ["generated canvas"]),
            1 => new FuzzInput("generated.json", System.Text.Json.JsonSerializer.Serialize(new { config = json }), null, ["generated canvas as a CLI bundle"]),
            _ => new FuzzInput("generated.sql", FuzzCorpus.GeneratedSql(json), null, ["generated canvas as generated SQL"]),
        };
    }
}
