using Cwf.Ir;
using Cwf.Syntax;
using Cwf.Text;

namespace Cwf.Tests.Syntax;

public class ProgramParserTests
{
    private static ParseResult<ProgramSyntax> Parse(string text) => CwfParser.ParseProgram(SourceText.From(text, "p.cwf"));

    private static ProgramSyntax Ok(string text)
    {
        var result = Parse(text);
        Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics));
        return result.Syntax!;
    }

    [Fact]
    public void Parses_every_statement_kind()
    {
        var p = Ok("""
            WORKFLOW "w"
            param n: int64 = 10
            const label = 'x'
            source s = table "a.b.c" { id: int64 not null, name: varchar(20), x: double precision }
            source t = table 'b.t'
            let a, b = s | split id > 1
            output a -> table "o.a" mode append
            output b | take n -> table "o.b"
            """);
        Assert.Collection(p.Statements,
            s => Assert.Equal("w", Assert.IsType<WorkflowStatementSyntax>(s).Title),
            s => Assert.True(Assert.IsType<ParameterStatementSyntax>(s).IsPublic),
            s => Assert.False(Assert.IsType<ParameterStatementSyntax>(s).IsPublic),
            s =>
            {
                var source = Assert.IsType<SourceStatementSyntax>(s);
                Assert.Equal("a.b.c", source.Table.Text);
                Assert.Equal(["int64", "varchar(20)", "double precision"], source.Schema!.Value.Select(c => c.Type.Text));
                Assert.True(source.Schema!.Value[0].NotNull);
            },
            s => Assert.Null(Assert.IsType<SourceStatementSyntax>(s).Schema),
            s => Assert.Equal(["a", "b"], Assert.IsType<LetStatementSyntax>(s).Names.Select(n => n.Name)),
            s => Assert.Equal(WriteMode.Append, Assert.IsType<OutputStatementSyntax>(s).Mode),
            s => Assert.Single(Assert.IsType<OutputStatementSyntax>(s).Pipeline.Steps));
    }

    [Fact]
    public void Parses_every_step_kind()
    {
        var p = Ok("""
            let x = s
              | filter a > 1 | split a > 2 | select a, b as c, * | derive d = a + 1, e = 2
              | rename a to z | drop b | sort a desc, b asc nulls last | take 10 | limit 5 | distinct
              | group by a, y = year(d) { n: count(), sum(b) } | summarize { t: sum(a) }
              | join t on a = t.b | left join t on a | right outer join t on a | full join t on a
              | spatial_join t on intersects(g, t.g) | spatial_filter t on within(g, t.g) | union t, u
              | buffer g by 300 m as zone | buffer g by @r km | centroid g | area g in km2 | distance g, h in mi as d
              | point lat = y, lon = x | point lon = x, lat = y | h3 g resolution 8 | h3_boundary h3
              | sql with t, u "select * from $a" returns { a: int64 } | sql
            """ + "\"\"\"select\n    1\"\"\"");
        var steps = Assert.IsType<LetStatementSyntax>(p.Statements[0]).Pipeline.Steps;
        Assert.Equal(30, steps.Count);
        Assert.Equal(JoinKind.Right, Assert.IsType<JoinStepSyntax>(steps[14]).Kind);
        var lonFirst = Assert.IsType<PointStepSyntax>(steps[25]);
        Assert.Equal("y", lonFirst.Latitude.Name);
        Assert.Equal("select\n    1", Assert.IsType<SqlStepSyntax>(steps[^1]).Sql);
    }

    [Fact]
    public void Outer_spatial_joins_parse_with_or_without_outer_and_left_stays_a_name()
    {
        var p = Ok("let x = s | left spatial_join t on intersects(g, t.g) | left outer spatial_join t on within(g, t.g) | spatial_join t on intersects(left, t.g)" +
            " | right spatial_join t on intersects(g, t.g) | full outer spatial_join t on intersects(g, t.g) | inner spatial_join t on intersects(g, t.g)");
        var steps = Assert.IsType<LetStatementSyntax>(p.Statements[0]).Pipeline.Steps;
        JoinKind[] kinds = [JoinKind.Left, JoinKind.Left, JoinKind.Inner, JoinKind.Right, JoinKind.Full, JoinKind.Inner];
        Assert.Equal(kinds, steps.Select(s => Assert.IsType<SpatialJoinStepSyntax>(s).Kind));
    }

    [Fact]
    public void Soft_keywords_are_names()
    {
        var p = Ok("let area = source | filter distance > area and date = date '2024-01-01' | select point, h3, m");
        Assert.Equal("area", Assert.IsType<LetStatementSyntax>(p.Statements[0]).Names[0].Name);
    }

    [Fact]
    public void Each_broken_statement_gives_one_error_and_the_rest_still_parses()
    {
        var result = Parse("""
            source s = table "a.b" { id: int64 }
            let a = s | filter id >
            let b = s | fliter id > 1
            let c = s | take 1
            lett d = s
            output c -> table "o.c" mode replace
            output c -> table "o..c" mode overwrite
            """);
        Assert.Equal(["2:24 CWF1001", "3:13 CWF1007", "5:1 CWF1008", "7:19 CWF1009", "7:31 CWF1010"],
            result.Diagnostics.Select(d => $"{((Cwf.Diagnostics.SourceLocation)d.Location).Start} {d.Code}"));
        var statements = result.Syntax!.Statements;
        Assert.Equal(7, statements.Count);
        Assert.Equal(["a"], Assert.IsType<ErroneousStatementSyntax>(statements[1]).DeclaredNames.Select(n => n.Name));
        Assert.Equal(["d"], Assert.IsType<ErroneousStatementSyntax>(statements[4]).DeclaredNames.Select(n => n.Name));
        Assert.IsType<LetStatementSyntax>(statements[3]);
        Assert.Equal("let a = s | filter id >", Assert.IsType<ErroneousStatementSyntax>(statements[1]).Text);
    }

    [Theory]
    [InlineData("buffer geom by 500 meters", "meters", "did you mean 'm'?")]
    [InlineData("buffer geom by 5 kms", "kms", "did you mean 'km'?")]
    [InlineData("buffer geom by @radius Kilometres", "Kilometres", "did you mean 'km'?")]
    [InlineData("filter ts > now() - 10 mins", "mins", "did you mean 'minutes'?")]
    [InlineData("buffer geom by 2 kilomters", "kilomters", "did you mean 'km'?")]
    [InlineData("buffer geom by 5 mm", "mm", null)]
    [InlineData("buffer geom by size meters", "meters", null)]
    public void A_unit_written_as_a_word_after_a_number_is_named_in_the_hint(string step, string word, string? hint)
    {
        var text = $"let a = s | {step}\noutput a -> table \"o.t\"";
        var d = Assert.Single(Parse(text).Diagnostics);
        Assert.Equal("CWF1001", d.Code);
        Assert.Equal(text.IndexOf(word, StringComparison.Ordinal), ((Cwf.Diagnostics.SourceLocation)d.Location).Span.Start);
        if (hint is null) Assert.DoesNotContain(d.Hints, h => h.StartsWith("did you mean", StringComparison.Ordinal));
        else Assert.Equal(hint, Assert.Single(d.Hints));
    }

    [Fact]
    public void A_broken_statement_start_keeps_its_error_to_itself()
    {
        var result = Parse("source s = table \"a.b\" { id: int64 }\nsource t table \"a.c\"\nlet x = s | take 1\noutput x -> table \"o.t\"");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("2:10", ((Cwf.Diagnostics.SourceLocation)d.Location).Start.ToString());
        Assert.IsType<SourceStatementSyntax>(result.Syntax!.Statements[0]);
        Assert.IsType<ErroneousStatementSyntax>(result.Syntax!.Statements[1]);
    }

    [Fact]
    public void A_statement_keyword_inside_an_expression_does_not_split()
    {
        var p = Ok("let x = s\n  | select id,\n    source,\n    output\noutput x -> table \"o.t\"");
        Assert.Equal(2, p.Statements.Count);
    }

    [Fact]
    public void Unclosed_parentheses_do_not_swallow_the_next_statement()
    {
        var result = Parse("let a = s | filter (id > 1\nlet b = s | take 1\noutput b -> table \"o.t\"");
        Assert.Single(result.Diagnostics);
        Assert.IsType<LetStatementSyntax>(result.Syntax!.Statements[1]);
    }

    [Fact]
    public void Comments_attach_to_statements_steps_and_columns()
    {
        var p = Ok("""
            // leading of the workflow
            workflow "w"  // trailing of the workflow

            /* block before the source */
            source s = table "a.b" {
              // before id
              id: int64,  // after id
              name: string
            }
            let x = s
              // before the filter
              | filter id > 1  // after the filter
              | take 1
            // at the end
            """);
        var workflow = p.Statements[0];
        Assert.Equal(["// leading of the workflow"], workflow.LeadingComments.Select(c => c.Text));
        Assert.Equal(["// trailing of the workflow"], workflow.TrailingComments.Select(c => c.Text));
        var source = Assert.IsType<SourceStatementSyntax>(p.Statements[1]);
        Assert.Equal(["/* block before the source */"], source.LeadingComments.Select(c => c.Text));
        Assert.Equal(["// before id"], source.Schema!.Value[0].LeadingComments.Select(c => c.Text));
        Assert.Equal(["// after id"], source.Schema!.Value[0].TrailingComments.Select(c => c.Text));
        var steps = Assert.IsType<LetStatementSyntax>(p.Statements[2]).Pipeline.Steps;
        Assert.Equal(["// before the filter"], steps[0].LeadingComments.Select(c => c.Text));
        Assert.Equal(["// after the filter"], steps[0].TrailingComments.Select(c => c.Text));
        Assert.Equal(["// at the end"], p.TrailingComments.Select(c => c.Text));
    }

    [Fact]
    public void Never_throws_on_binary_garbage()
    {
        var random = new Random(7);
        for (int i = 0; i < 200; i++)
        {
            var chars = new char[random.Next(0, 200)];
            for (int j = 0; j < chars.Length; j++) chars[j] = (char)random.Next(0, 0x3000);
            var result = Parse(new string(chars));
            Assert.NotNull(result.Syntax);
            Assert.DoesNotContain(result.Diagnostics, d => d.Code == "CWF9001");
        }
    }
}
