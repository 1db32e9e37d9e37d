using Cwf.Components;
using Cwf.Syntax;
using Cwf.Syntax.Internal;
using Cwf.Text;
using Xunit.Abstractions;

namespace Cwf.Tests.Syntax;

/// <summary>
/// The direct parse of the common statements (<see cref="DirectParser"/>) gives the very tree the grammar and
/// the syntax builder give, spans included, or nothing: then the grammar parses the statement and reports.
/// </summary>
public class DirectParserTests(ITestOutputHelper output)
{
    // Every form the direct parser reads, with the spellings around it.
    private static readonly string[] Handled =
    [
        "let a = t",
        "let a = t | filter fare > 1 | derive extra = fare * 7, y = -x + 2 / 3 % 4 || 'a''b' | drop extra, t.y",
        "let a = t | select id, fare as rate, x * 2 y, f(a, b.c) as z, g(), s.t.u, \"q\" AS `r`",
        "let a = t | join r on id | left join r on a.id = r.id and not b is null or c is not null | left outer join r on true",
        "let a = t | inner join r on a.x == r.x | right join r on x <> 1 | full outer join r on x != 2 | right outer join r on false",
        "let a = t | union b1, b2 | union by name b3",
        "let a = t | point lat = lat, lon = lon as p | point lon = x, LAT = y | point latitude = a.y, longitude = a.x",
        "let a = t | buffer geom by 1 m | buffer geom by d km as g | buffer geom by @dist | buffer geom by 2.5 mi as h",
        "let a = t | filter (a + 1) * 2 >= 3 and x <> 1 and x != 2 and x == 3 and x <= 4 and x < 5 and x = null or false",
        "let a = t | filter not not x or not y = 1 and (a or b) | filter - - x > +1.5e3 | filter .5 < x and 1. < y and 2E-3 > z",
        "let a = t | derive d = 5 km, e = 3 days, f = @p m, g = @q, h = ((((a)))) | filter x || y || z = 'xyz'",
        "let \"my name\" = `t` | derive `a``b` = \"c\"\"d\" | select \"x\".\"y\"",
        "LET A = T | FILTER X > 1 AND Y IS NOT NULL | DERIVE Z = UPPER(NAME_X)",
        "output a -> table \"o.t\"",
        "output a | filter x > 1 -> table 'o.t' mode append",
        "output a -> table \"o.t\" mode Replace",
        "output a -> table \"\"\"x.y\"\"\" mode \"append\"",
        "output a | select x -> table \"c.s.t\"",
        "let chain = t\n  | derive extra = fare * 1\n  | filter extra > 1\n  | drop extra\n  | derive fare = fare + 4\n  | filter fare > lat\n  | derive k = id * 5",
        "let b0 = t | filter fare > 0 | point lat = lat, lon = lon | buffer geom by 1 m | select id, fare, geom_buffer",
        "let b1 = shared | filter x > 1 | select id, x * 1 as y",
        "let j1 = j0\n  | join branch1 on id\n  | derive fare = fare + rate_joined\n  | select id, fare, name_x, lat, lon",
        "let a = t | filter " + string.Join(" or ", Enumerable.Range(0, 60).Select(i => $"a = {i}")),
        "let a = t | derive c = " + string.Join(" || ", Enumerable.Repeat("s", 60)),
        // Keywords that are names where nothing else can stand.
        "let a = t | select id, fare, name, lat, lon | derive name = date + 1, left = left(name, 2) | filter t.name = 'x' and day > 1 | drop name, t.date",
        "let a = t | select x as name, 1 m, 2 km as d | point lat = name, lon = t.day",
        "let a = t | group by id { n: count() } | group by k, t.k2, d = x + 1 { s: sum(x), max(y), } | group by k { }",
        "let a = t\n  | group by sensor_id {\n    readings: count(),\n    peak: max(value)\n  }\n  | filter readings > 1",
    ];

    // Forms left to the grammar: each statement here gives no direct tree.
    private static readonly string[] LeftToTheGrammar =
    [
        "let a, b = t | split x > 1",
        "let a = t | filter x in (1, 2)",
        "let a = t | filter x not in (1, 2)",
        "let a = t | filter x between 1 and 2",
        "let a = t | filter x like 'a%'",
        "let a = t | filter x::int64 > 1",
        "let a = t | select *",
        "let a = t | select t.*",
        "let a = t | derive d = date '2024-01-01'",
        "let a = t | derive d = case when x then 1 else 2 end",
        "let a = t | derive d = cast(x as int64)",
        "let a = t | filter count(*) > 1",
        "let a = t | derive r = row_number() over (order by x)",
        "let a = t | derive r = count(distinct x)",
        "let a = t | derive d = extract(year from x)",
        "let a = t | select x name",
        "let a = t | join name on id",
        "let a = t | group by id { n: count(*) }",
        "let a = t | group by id { , }",
        "let a = t | group by id",
        "let a = t | group by id { n: count() } x",
        "let a = t | sort x desc",
        "let a = t | left spatial_join r on st_intersects(a.geom, r.geom)",
        "let a = t | point lat = x, lat = y",
        "let a = t | filter 99999999999999999999999999999999 > 1",
        "let a = t | filter a.b.c.d > 1",
        "let a = t | filter " + string.Join(" + ", Enumerable.Range(0, 600).Select(i => $"a{i}")) + " > 1",
        "let a = t | filter " + new string('(', 40) + "x" + new string(')', 40),
        "let a = component \"native.x\" (t)",
        "let a = t | buffer geom by 1 m as",
        "let a = t | filter x >",
        "let a = t |",
        "let a = t | mystep x",
        "output a -> table \"a.b.c.d\"",
        "output a -> table \"o.t\" mode sideways",
        "output a | filter x > 1",
        "source t = table \"x.t\"",
        "param p = 1",
    ];

    [Fact]
    public void The_handled_forms_give_the_grammars_tree()
    {
        foreach (var text in Handled)
            Assert.True(Compare(text) == (1, 1), "not read directly:\n" + text);
    }

    [Fact]
    public void Other_forms_are_left_to_the_grammar()
    {
        foreach (var text in LeftToTheGrammar)
            Assert.True(Compare(text).Direct == 0, "read directly:\n" + text);
    }

    [Fact]
    public void Every_statement_of_the_sample_programs_gives_the_grammars_tree_or_none()
    {
        var texts = SamplePrograms.Files().Select(File.ReadAllText)
            .Concat(System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(Path.Combine(SamplePrograms.Root, "spec", "language.md")), @"```cwf\n(?<text>.*?)```",
                System.Text.RegularExpressions.RegexOptions.Singleline).Select(m => m.Groups["text"].Value))
            .ToList();
        int direct = 0, total = 0;
        foreach (var text in texts)
        {
            var (d, t) = Compare(text);
            direct += d;
            total += t;
        }
        output.WriteLine($"{texts.Count} programs, {total} statements, {direct} read directly");
        Assert.True(texts.Count >= 40 && direct >= total / 4, $"{texts.Count} programs, {direct} of {total} statements read directly");
    }

    [Fact]
    public void Mutated_statements_give_the_grammars_tree_or_none()
    {
        const int seed = 20261207;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var samples = Handled.Concat(Directory.GetFiles(Binding.Compilation.ExamplesDirectory, "*.cwf").Order(StringComparer.Ordinal).Select(File.ReadAllText)).ToArray();
        int direct = 0;
        for (int i = 0; i < 2000; i++)
        {
            var text = samples[random.Next(samples.Length)];
            var tokens = TokenList.Lex(SourceText.From(text)).Tokens;
            if (tokens.Count == 0) continue;
            var at = tokens[random.Next(tokens.Count)];
            var other = tokens[random.Next(tokens.Count)];
            // Drop a token, or put a copy of another one before it.
            var mutated = random.Next(2) == 0
                ? text.Remove(at.StartIndex, at.StopIndex - at.StartIndex + 1)
                : text.Insert(at.StartIndex, other.Text + " ");
            direct += Compare(mutated).Direct;
        }
        output.WriteLine($"{direct} mutated statements read directly");
        Assert.True(direct > 500);
    }

    // Each statement's direct tree, where there is one, against the grammar's: (statements read directly, statements).
    private static (int Direct, int Total) Compare(string text)
    {
        var source = SourceText.From(text);
        var tokens = TokenList.Lex(source);
        var fast = new FastParser(tokens);
        var direct = new DirectParser(tokens);
        var chunks = StatementSplitter.Split(tokens);
        int read = 0;
        foreach (var (first, last) in chunks)
        {
            if (direct.TryStatement(first, last) is not { } mine) continue;
            read++;
            var grammar = RangeParser.Parse(fast, first, last, p => p.statementEntry(), (b, c) => b.Statement(c.statement()),
                ExpressionParseOptions.Default, "end of the statement", null, ComponentCatalog.Default.Steps);
            var statement = source.ToString(mine.Span);
            Assert.True(grammar.Diagnostics.Count == 0, $"read directly, but the grammar reports {string.Join("; ", grammar.Diagnostics)}:\n{statement}");
            Assert.True(Equals(grammar.Syntax, mine), $"a different tree:\n{statement}\ngrammar: {grammar.Syntax}\ndirect:  {mine}");
        }
        return (read, chunks.Count);
    }
}
