using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Cwf.Benchmarks.Pipeline;
using Cwf.Binding;
using Cwf.Catalog;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Ir;
using Cwf.Syntax;
using Cwf.Syntax.Internal;
using Cwf.Tests.Syntax;
using Cwf.Text;
using Xunit.Abstractions;

namespace Cwf.Tests.Binding;

/// <summary>
/// The front end without the syntax tree (<c>FrontEnd.Load(..., keepSyntax: false)</c>: each statement parsed, bound and let
/// go) gives what the whole-tree path gives: the same diagnostics (codes, order, locations, messages, hints, related
/// locations), the same workflow and parameter dimensions, on every sample program, every example of the spec,
/// programs with mistakes, and the sample programs with lines swapped or dropped. It lists no scopes (editors read them
/// from the whole-tree path, which still lists them).
/// </summary>
public sealed partial class StatementByStatementTests(ITestOutputHelper output)
{
    public static TheoryData<string> Samples => [.. SamplePrograms.Files().Select(f => Path.GetRelativePath(SamplePrograms.Root, f))];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_sample_program_gives_the_same_result(string file)
    {
        var text = File.ReadAllText(Path.Combine(SamplePrograms.Root, file));
        AssertSame(text, Path.GetFileName(file), Compilation.ExampleCatalog(Path.GetFileNameWithoutExtension(file)));
    }

    [Fact]
    public void Every_example_of_the_spec_gives_the_same_result()
    {
        int examples = 0;
        foreach (var spec in new[] { "diagnostics.md", "language.md" })
        {
            var markdown = File.ReadAllText(Path.Combine(SamplePrograms.Root, "spec", spec));
            foreach (Match example in Example().Matches(markdown))
            {
                AssertSame(example.Groups["text"].Value, "example.cwf", SchemaCatalog.Empty);
                examples++;
            }
        }
        Assert.True(examples >= 100, $"only {examples} examples were found");
    }

    [Theory]
    // A syntax error mid-file, and the statements after it that use what it declares.
    [InlineData("source a = table \"t\" { id: int64 }\nlet b = a | where id >\nlet c = b | select id\noutput c -> table \"out\"\n")]
    // Unknown names, a name used before its definition, a typo with a suggestion.
    [InlineData("source orders = table \"t\" { id: int64 }\nlet x = ordres | select id\nlet y = later | select id\nlet later = orders | select id\noutput x -> table \"a\"\noutput y -> table \"b\"\n")]
    // Duplicate names, a self reference, two workflow names.
    [InlineData("workflow \"a\"\nworkflow \"b\"\nsource s = table \"t\" { id: int64 }\nlet s = s | select id\nlet t = t | select id\nparam s = 1\noutput s -> table \"o\"\n")]
    // A misspelt statement keyword after a complete line, and a unit misspelt after a number at a statement's start.
    [InlineData("param n = 5\nlett x = a\nsource a = table \"t\" { d: float64 }\nlet b = a | where d < 5 kilometres\noutput b -> table \"o\"\n")]
    // Used before its definition from a split, and a split result used twice.
    [InlineData("source a = table \"t\" { id: int64 }\nlet p, q = a | split id > 1\nlet r = p | union q\nlet z = w | select id\nlet w = r\noutput r -> table \"o\"\noutput z -> table \"o\"\n")]
    // Text for ANTLR's lexer: a name outside ASCII, an unterminated string mid-file, a lone carriage return.
    [InlineData("source a = table \"t\" { id: int64 }\nlet é = a | select id\noutput é -> table \"o\"\n")]
    [InlineData("source a = table \"t\" { id: int64 }\nlet b = a | where id = 'open\noutput b -> table \"o\"\n")]
    [InlineData("source a = table \"t\" { id: int64 }\rlet b = a\noutput b -> table \"o\"\n")]
    // Nothing, comments only, a trailing comment, a single broken token.
    [InlineData("")]
    [InlineData("// nothing here\n/* nor here */\n")]
    [InlineData("source a = table \"t\" { id: int64 } // the input\noutput a -> table \"o\" -- the output\n// the end\n")]
    [InlineData("let")]
    [InlineData(")))")]
    public void Programs_with_mistakes_give_the_same_result(string text) => AssertSame(text, "mistakes.cwf", SchemaCatalog.Empty);

    [Fact]
    public void Sample_programs_with_lines_swapped_or_dropped_give_the_same_result()
    {
        const int Seed = 2024;
        output.WriteLine($"seed {Seed}");
        var random = new Random(Seed);
        int mutants = 0;
        foreach (var file in SamplePrograms.Files())
        {
            var lines = File.ReadAllLines(file).ToList();
            if (lines.Count < 3) continue;
            var catalog = Compilation.ExampleCatalog(Path.GetFileNameWithoutExtension(file));
            for (int k = 0; k < 4; k++)
            {
                var mutant = new List<string>(lines);
                int i = random.Next(mutant.Count), j = random.Next(mutant.Count);
                if (k % 2 == 0) (mutant[i], mutant[j]) = (mutant[j], mutant[i]);
                else mutant.RemoveAt(i);
                AssertSame(string.Join('\n', mutant), Path.GetFileName(file), catalog);
                mutants++;
            }
        }
        Assert.True(mutants > 100, $"only {mutants} mutants");
    }

    [Theory]
    [InlineData("chain")]
    [InlineData("redefined")]
    [InlineData("wide")]
    [InlineData("fanout")]
    [InlineData("joins")]
    [InlineData("filters")]
    public void Generated_shapes_give_the_same_result(string shape) => AssertSame(CwfPrograms.ByName(shape, 300), "bench.cwf", SchemaCatalog.Empty);

    // A pipeline long enough that the direct parse lets its first tokens go before it finds out it cannot read the statement.
    private static string LongPipeline(string ending) =>
        "source t = table \"src.trips\" { id: int64, fare: float64, name: string }\nlet chain = t\n"
        + string.Concat(Enumerable.Range(0, 400).Select(i => $"  | derive x{i % 7} = fare * {i}\n  | filter fare > {i}\n"))
        + ending + "output chain -> table \"out.chain\"\n";

    [Theory]
    // Read directly to its end, and a step the direct parse leaves to the grammar at the end of it.
    [InlineData("")]
    [InlineData("  | sort fare desc\n")]
    // A syntax error, an unknown column and an unknown function after the first tokens were let go.
    [InlineData("  | filter fare >\n")]
    [InlineData("  | filter nothing > 1\n")]
    [InlineData("  | derive y = frobnicate(fare)\n")]
    // Text for ANTLR's lexer at the end of the long statement.
    [InlineData("  | filter name = 'é'\n")]
    public void A_long_statement_gives_the_same_result(string ending) => AssertSame(LongPipeline(ending), "long.cwf", SchemaCatalog.Empty);

    // A union of more names than the direct parse lets go at a time (256 tokens), read as the lexer reads on.
    private static string LongUnion(string ending) =>
        "source t = table \"src.trips\" { id: int64, fare: float64, name: string }\n"
        + string.Concat(Enumerable.Range(0, 700).Select(i => $"let b{i} = t | filter fare > {i}\n"))
        + "let all = t | union " + string.Join(", ", Enumerable.Range(0, 700).Select(i => $"b{i}")) + ending + "\noutput all -> table \"out.all\"\n";

    [Theory]
    [InlineData("")]
    [InlineData(" | filter fare > 2")]
    // A step the direct parse leaves to the grammar, an unknown name and a syntax error after the union's first tokens went.
    [InlineData(" | sort fare desc")]
    [InlineData(", nothing")]
    [InlineData(", b1 b2")]
    public void A_long_union_gives_the_same_result(string ending) => AssertSame(LongUnion(ending), "union.cwf", SchemaCatalog.Empty);

    [Fact]
    public void Reused_tokens_keep_nothing_of_their_earlier_statement()
    {
        // Each statement's tokens are the objects of the statements before it: words where numbers, strings and quoted
        // names now are, and the other way round. The values, the names and the diagnostic's place and text are this
        // statement's own.
        var text = string.Concat(
            "source t = table \"src.trips\" { id: int64, fare: float64, name: string }\n",
            "let alpha_beta_gamma = t | filter fare > 1 | derive delta_epsilon = fare * 2 | select id, fare, name, delta_epsilon\n",
            "let b = alpha_beta_gamma | filter 12345 < 67890 | derive `q r` = 'text one' | filter 3.5 > 2.25\n",
            "let c = b | derive \"long quoted name\" = 987654321 | filter nme = 'x'\n",
            "output c -> table \"out.c\"\n");
        var source = SourceText.From(text, "reuse.cwf");
        AssertSame(text, "reuse.cwf", SchemaCatalog.Empty);
        var streamed = FrontEnd.Load(source, SchemaCatalog.Empty, keepSyntax: false);
        var unknown = Assert.Single(streamed.Diagnostics, d => d.IsError);
        Assert.Equal("nme", source.ToString(((SourceLocation)unknown.Location).Span));
        Assert.Contains("'nme'", unknown.Message);
    }

    [Fact]
    public void The_stream_reads_the_statements_the_whole_parse_reads()
    {
        foreach (var file in SamplePrograms.Files())
        {
            var source = new SourceText(file, File.ReadAllText(file));
            var whole = CwfParser.ParseProgram(source);
            var stream = new StatementStream(source, null);
            var statements = new List<StatementSyntax>();
            while (stream.Next() is { } statement) statements.Add(statement);
            // Text outside ASCII is left to the whole parse; the rest is read here, statement by statement.
            if (FastLexer.TryLex(source) is null)
            {
                Assert.True(stream.NeedsWholeText, file);
                continue;
            }
            Assert.False(stream.NeedsWholeText, file);
            Assert.Equal(whole.Syntax!.Statements.Select(s => (s.GetType().Name, s.Span)), statements.Select(s => (s.GetType().Name, s.Span)));
            Assert.Equal(Describe(whole.Diagnostics), Describe([.. stream.Diagnostics]));
        }
    }

    [Fact]
    public void No_statement_outlives_its_binding()
    {
        var source = SourceText.From(CwfPrograms.ByName("joins", 200), "bench.cwf");
        var (statements, result) = BindKeepingWeakReferences(source);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.NotNull(result.Workflow);
        Assert.True(statements.Count > 10, $"{statements.Count} statements");
        var alive = statements.Count(s => s.IsAlive);
        Assert.True(alive == 0, $"{alive} of {statements.Count} statements are still alive after the bind");
        GC.KeepAlive(result);
    }

    // In its own frame, so that no local of the loop keeps a statement alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (List<WeakReference> Statements, BindResult Result) BindKeepingWeakReferences(SourceText source)
    {
        var stream = new StatementStream(source, null);
        var binder = new ProgramBinder(source, SchemaCatalog.Empty, BindOptions.Default);
        var statements = new List<WeakReference>();
        while (Read(stream, statements) is { } statement) binder.Add(statement);
        return (statements, binder.Finish());
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static StatementSyntax? Read(StatementStream stream, List<WeakReference> statements)
    {
        var statement = stream.Next();
        if (statement is not null) statements.Add(new WeakReference(statement));
        return statement;
    }

    private static void AssertSame(string text, string path, SchemaCatalog catalog)
    {
        var source = SourceText.From(text, path);
        var whole = FrontEnd.Load(source, catalog);
        var streamed = FrontEnd.Load(source, catalog, keepSyntax: false);
        Assert.Null(streamed.Syntax);
        Assert.Equal(Describe(whole.Diagnostics), Describe(streamed.Diagnostics));
        Assert.Equal(Print(whole.Workflow), Print(streamed.Workflow));
        Assert.Empty(streamed.Scopes);
        Assert.True(whole.Workflow is null || !whole.Scopes.IsEmpty, "the whole-tree path lists the scopes");
        Assert.Equal(whole.ParameterDimensions.OrderBy(p => p.Key, StringComparer.Ordinal), streamed.ParameterDimensions.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    private static string? Print(Workflow? workflow) => workflow is null ? null : IrPrinter.Print(workflow, withSchemas: true);

    private static List<string> Describe(ImmutableArray<Diagnostic> diagnostics) =>
        [.. diagnostics.Select(d => $"{d} at {(d.Location as SourceLocation)?.Span} hints [{string.Join(" | ", d.Hints)}] related [{string.Join(", ", d.RelatedLocations.Select(l => l.Describe()))}]")];

    [GeneratedRegex(@"```cwf\n(?<text>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();
}
