using System.Diagnostics;
using CsCheck;
using Cwf.Binding;
using Cwf.Catalog;
using Cwf.Diagnostics;
using Cwf.Formatting;
using Cwf.Syntax;
using Cwf.Tests.Formatting;
using Cwf.Tests.Infrastructure;
using Cwf.Text;

namespace Cwf.Tests.Syntax;

/// <summary>
/// Mutated programs (tokens deleted, duplicated, swapped; random characters; very long lines; deep
/// parentheses) never make the front end throw or hang, and always give diagnostics or a workflow.
/// </summary>
public class RobustnessTests
{
    // A guard against hangs and blow-ups, not a speed check: a mutant compiles in milliseconds, and
    // the limit is far above what a machine shared by many builds stretches that to.
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    private static readonly string[] Inserts =
    [
        "(", ")", "'", "\"", "`", "\"\"\"", "/*", "*/", "//", "--", "|", "||", "{", "}", "=", ",", ".", "::", "@", "$", "!", "\0", "\u00e9", "\uD83D\uDE00",
        "let", "let x =", "source", "output", "param", "workflow", "filter", "split", "group by", "join", "sql", "case", "end", "not", "and",
        "1e999", "99999999999999999999999999999999", "date 'x'", "\r\n", "\t", "\u2028",
    ];

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            int start = i;
            if (char.IsLetterOrDigit(text[i]) || text[i] == '_') while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++;
            else if (char.IsWhiteSpace(text[i])) while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            else i++;
            tokens.Add(text[start..i]);
        }
        return tokens;
    }

    private static Gen<string> Mutate(string program) =>
        Gen.Int[1, 4].SelectMany(count => Gen.Select(Gen.Int[0, 7].Array[count], Gen.Int[0, int.MaxValue].Array[count], Gen.Int[0, Inserts.Length - 1].Array[count],
            (kinds, positions, inserts) =>
            {
                var tokens = Tokens(program);
                for (int m = 0; m < kinds.Length; m++)
                {
                    if (tokens.Count == 0) tokens.Add("x");
                    int at = positions[m] % tokens.Count;
                    switch (kinds[m])
                    {
                        case 0: tokens.RemoveAt(at); break;
                        case 1: tokens.Insert(at, tokens[at]); break;
                        case 2 when at + 1 < tokens.Count: (tokens[at], tokens[at + 1]) = (tokens[at + 1], tokens[at]); break;
                        case 3: tokens.Insert(at, Inserts[inserts[m]]); break;
                        case 4: tokens[at] = new string((char)(positions[m] % 0x3000), 1); break;
                        case 5: tokens.Insert(at, new string('a', 20_000)); break;
                        case 6: tokens.Insert(at, new string('(', 3_000 + positions[m] % 5_000)); break;
                        default: tokens.RemoveRange(at, Math.Min(tokens.Count - at, 1 + positions[m] % 5)); break;
                    }
                }
                return string.Concat(tokens);
            }));

    private static void CheckNeverFails(string text)
    {
        var watch = Stopwatch.StartNew();
        var result = CwfFrontEnd.Compile(SourceText.From(text, "mutant.cwf"), SchemaCatalog.Empty);
        var formatted = CwfFormatter.Format(SourceText.From(text));
        watch.Stop();
        Assert.True(result.Workflow is not null || result.Diagnostics.Any(d => d.IsError), "neither a workflow nor an error");
        Assert.DoesNotContain(result.Diagnostics, d => d.Descriptor == DiagnosticCodes.InternalError);
        Assert.DoesNotContain(formatted.Diagnostics, d => d.Descriptor == DiagnosticCodes.InternalError);
        Assert.True(watch.Elapsed < Limit, $"took {watch.Elapsed}");
        foreach (var d in result.Diagnostics)
            Assert.False(string.IsNullOrWhiteSpace(Cwf.Diagnostics.Formatters.TextDiagnosticFormatter.Format(d)));
        if (formatted.Text is { } once)
        {
            // Whatever parses also formats stably.
            Assert.Equal(once, CwfFormatter.Format(once));
        }
    }

    [Fact]
    public void Mutated_programs_never_crash_or_hang()
    {
        ProgramGenerators.Program.SelectMany(Mutate).Check(CheckNeverFails, iterations: 3000);
    }

    [Fact]
    public void Mutated_examples_never_crash_or_hang()
    {
        var examples = Directory.GetFiles(Binding.Compilation.ExamplesDirectory, "*.cwf").Select(File.ReadAllText).ToArray();
        Gen.Int[0, examples.Length - 1].SelectMany(i => Mutate(examples[i])).Check(CheckNeverFails, iterations: 1000);
    }

    [Theory]
    [InlineData(10_000)]
    public void Pathological_inputs_give_diagnostics(int n)
    {
        string parens = new string('(', n) + "a" + new string(')', n);
        string chain = string.Join(" + ", Enumerable.Repeat("a", n));
        string header = "source t = table \"x.t\" { a: int64 }\n";
        foreach (var text in new[]
        {
            header + $"output t | filter {parens} > 1 -> table \"o.t\"",
            header + $"output t | derive x = {chain} -> table \"o.t\"",
            header + $"output t | filter {string.Concat(Enumerable.Repeat("not ", n))} a > 1 -> table \"o.t\"",
            header + $"output t | derive x = {string.Concat(Enumerable.Repeat("-", n))}a -> table \"o.t\"",
            header + $"output t | derive x = a{string.Concat(Enumerable.Repeat("::int64", n))} -> table \"o.t\"",
            header + "output t | filter a in (" + string.Join(",", Enumerable.Range(0, n)) + ") -> table \"o.t\"",
            new string('{', n), new string('}', n), new string('|', n), string.Concat(Enumerable.Repeat("let ", n)),
            string.Concat(Enumerable.Repeat("/*", n)), new string('\'', n), string.Concat(Enumerable.Repeat("case when ", n)),
        })
        {
            CheckNeverFails(text);
        }
    }
}
