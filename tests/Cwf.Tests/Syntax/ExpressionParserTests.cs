using Cwf.Diagnostics;
using Cwf.Syntax;
using Cwf.Text;

namespace Cwf.Tests.Syntax;

public class ExpressionParserTests
{
    private static ExpressionSyntax Parse(string text, ExpressionParseOptions? options = null)
    {
        var result = CwfParser.ParseExpression(SourceText.From(text), options);
        Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics));
        return result.Syntax!;
    }

    private static Diagnostic ParseError(string text)
    {
        var result = CwfParser.ParseExpression(SourceText.From(text));
        Assert.Null(result.Syntax);
        return Assert.Single(result.Diagnostics);
    }

    [Theory]
    [InlineData("a and b or not c")]
    [InlineData("x = 1 AND y == 2 and z <> 3 and w != 4")]
    [InlineData("a < 1 or a <= 2 or a > 3 or a >= 4")]
    [InlineData("a + b - c * d / e % f")]
    [InlineData("'it''s' || name")]
    [InlineData("\"quoted name\" = `back ticked`")]
    [InlineData("t.col is not null and u.col IS NULL")]
    [InlineData("count(*)")]
    [InlineData("count(distinct x)")]
    [InlineData("CAST(x AS float64) + y::int64")]
    [InlineData("cast(x as double precision)")]
    [InlineData("cast(x as varchar(20))")]
    [InlineData("case when a then 1 when b then 2 else 3 end")]
    [InlineData("CASE x WHEN 1 THEN 'one' END")]
    [InlineData("@radius * 2")]
    [InlineData("st_dwithin(geom, other, 500 m)")]
    [InlineData("buffer(geom, 2 km)")]
    [InlineData("area(geom) / 1.5 km2")]
    [InlineData("x in (1, 2, 3) and y not in ('a')")]
    [InlineData("x between 1 and 10 and y not between 2 and 3")]
    [InlineData("name like 'A%' and name not like '%z'")]
    [InlineData("date '2024-01-31' < timestamp '2024-02-01 10:00:00'")]
    [InlineData("TRUE and false or NULL is null")]
    [InlineData("carto.H3_FROMGEOGPOINT(geom, 8)")]
    [InlineData("-x + +y - -3")]
    [InlineData("area + distance + source + date")]
    [InlineData("1.5e3 + .5 + 2.")]
    public void Parses_sql_compatible_expressions(string text) => Parse(text);

    [Fact]
    public void Precedence_follows_sql()
    {
        var e = Parse("a or b and not c = 1 + 2 * 3");
        var or = Assert.IsType<BinarySyntax>(e);
        Assert.Equal(BinaryOperator.Or, or.Operator);
        var and = Assert.IsType<BinarySyntax>(or.Right);
        Assert.Equal(BinaryOperator.And, and.Operator);
        var not = Assert.IsType<UnarySyntax>(and.Right);
        var eq = Assert.IsType<BinarySyntax>(not.Operand);
        Assert.Equal(BinaryOperator.Equal, eq.Operator);
        var add = Assert.IsType<BinarySyntax>(eq.Right);
        Assert.Equal(BinaryOperator.Add, add.Operator);
        Assert.Equal(BinaryOperator.Multiply, Assert.IsType<BinarySyntax>(add.Right).Operator);
    }

    // The grammar keeps each precedence's operators in one flat list (grammar/Cwf.g4, `expression` and
    // `value`); the builder folds them. Shape and span of every node, mixing every level.
    [Theory]
    [InlineData("-a::int * b || c + d",
        "Concat(Multiply(Minus(Cast(a)), b), Add(c, d))",
        "-a::int * b || c + d|-a::int * b|-a::int|a::int|a|b|c + d|c|d")]
    [InlineData("not not a = b or c and not d is null",
        "Or(Not(Not(Equal(a, b))), And(c, Not(IsNull(d))))",
        "not not a = b or c and not d is null|not not a = b|not a = b|a = b|a|b|c and not d is null|c|not d is null|d is null|d")]
    [InlineData("1 - 2 + 3 * 4 / 5 - 6",
        "Subtract(Add(Subtract(1, 2), Divide(Multiply(3, 4), 5)), 6)",
        "1 - 2 + 3 * 4 / 5 - 6|1 - 2 + 3 * 4 / 5|1 - 2|1|2|3 * 4 / 5|3 * 4|3|4|5|6")]
    [InlineData("+ - x :: int :: text % 2 = a = b",
        "Equal(Equal(Modulo(Plus(Minus(Cast(Cast(x)))), 2), a), b)",
        "+ - x :: int :: text % 2 = a = b|+ - x :: int :: text % 2 = a|+ - x :: int :: text % 2|+ - x :: int :: text|- x :: int :: text|x :: int :: text|x :: int|x|2|a|b")]
    [InlineData("x not between a || b and -c and (y) like 'z%'",
        "And(Between(x, Concat(a, b), Minus(c)), Like(Parenthesized(y), 'z%'))",
        "x not between a || b and -c and (y) like 'z%'|x not between a || b and -c|x|a || b|a|b|-c|c|(y) like 'z%'|(y)|y|'z%'")]
    public void Mixed_precedence_builds_each_node_with_its_span(string text, string shape, string spans)
    {
        var e = Parse(text);
        Assert.Equal(shape, Shape(e));
        var preorder = new List<string>();
        var stack = new Stack<ExpressionSyntax>();
        stack.Push(e);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            preorder.Add(text.Substring(node.Span.Start, node.Span.Length));
            foreach (var child in node.Children.Reverse()) stack.Push(child);
        }
        Assert.Equal(spans, string.Join("|", preorder));
    }

    private static string Shape(ExpressionSyntax e) => e switch
    {
        BinarySyntax b => $"{b.Operator}({Shape(b.Left)}, {Shape(b.Right)})",
        UnarySyntax u => $"{u.Operator}({Shape(u.Operand)})",
        CastSyntax c => $"Cast({Shape(c.Operand)})",
        IsNullSyntax n => $"IsNull({Shape(n.Operand)})",
        BetweenSyntax b => $"Between({Shape(b.Operand)}, {Shape(b.Low)}, {Shape(b.High)})",
        LikeSyntax l => $"Like({Shape(l.Operand)}, {Shape(l.Pattern)})",
        ParenthesizedSyntax p => $"Parenthesized({Shape(p.Inner)})",
        NameSyntax n => n.Name,
        LiteralSyntax l => l.Kind == LiteralKind.String ? $"'{l.Text}'" : l.Text,
        _ => e.GetType().Name,
    };

    [Fact]
    public void Operator_chains_are_left_associative()
    {
        var e = Assert.IsType<BinarySyntax>(Parse("a - b - c"));
        Assert.Equal("c", Assert.IsType<NameSyntax>(e.Right).Name);
        Assert.IsType<BinarySyntax>(e.Left);
    }

    [Fact]
    public void Between_binds_its_own_and()
    {
        var e = Assert.IsType<BinarySyntax>(Parse("x between 1 and 2 and y"));
        Assert.Equal(BinaryOperator.And, e.Operator);
        Assert.IsType<BetweenSyntax>(e.Left);
    }

    [Fact]
    public void Units_attach_to_numbers_and_parameters()
    {
        var q = Assert.IsType<QuantitySyntax>(Parse("500 m"));
        Assert.Equal("m", q.Unit);
        Assert.Equal("km", Assert.IsType<QuantitySyntax>(Parse("2km")).Unit);
        Assert.Equal("mi", Assert.IsType<QuantitySyntax>(Parse("@r mi")).Unit);
        Assert.Equal("km2", Assert.IsType<QuantitySyntax>(Parse("1.5 km2")).Unit);
    }

    [Fact]
    public void Spans_point_at_the_text()
    {
        var text = "upper(name) = 'X'";
        var e = Assert.IsType<BinarySyntax>(Parse(text));
        Assert.Equal(new TextSpan(0, text.Length), e.Span);
        Assert.Equal("upper(name)", text.Substring(e.Left.Span.Start, e.Left.Span.Length));
        var call = Assert.IsType<CallSyntax>(e.Left);
        Assert.Equal("name", text.Substring(call.Arguments[0].Span.Start, call.Arguments[0].Span.Length));
    }

    [Fact]
    public void Double_quotes_can_be_strings_for_bigquery_fragments()
    {
        var e = Assert.IsType<BinarySyntax>(Parse("name = \"Bob\"", new ExpressionParseOptions { DoubleQuotedStrings = true }));
        Assert.Equal("Bob", Assert.IsType<LiteralSyntax>(e.Right).Text);
        var e2 = Assert.IsType<BinarySyntax>(Parse("name = \"Bob\""));
        Assert.Equal("Bob", Assert.IsType<NameSyntax>(e2.Right).Name);
    }

    [Fact]
    public void Select_lists_parse_with_or_without_select()
    {
        foreach (var text in new[] { "a, b AS c, x + 1 AS d, *", "SELECT a, b c, t.*" })
        {
            var result = CwfParser.ParseSelectList(SourceText.From(text));
            Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics));
            Assert.Equal(text.StartsWith("SELECT") ? 3 : 4, result.Syntax!.Items.Count);
        }
    }

    [Theory]
    [InlineData("a +", "CWF1001", "unexpected end of the expression; expected an expression")]
    [InlineData("(a + b", "CWF1002", "missing ')'")]
    [InlineData("a = 'open", "CWF1003", "this string is not closed on its line")]
    [InlineData("a /* note", "CWF1004", "never closed")]
    [InlineData("a ^ b", "CWF1005", "unexpected character '^'")]
    [InlineData("99999999999999999999999999999999 + 1", "CWF1006", "too large")]
    [InlineData("date '2024-13-45'", "CWF1012", "not a valid date")]
    [InlineData("", "CWF1001", "empty")]
    public void Reports_one_precise_error(string text, string code, string message)
    {
        var d = ParseError(text);
        Assert.Equal(code, d.Code);
        Assert.Contains(message, d.Message);
        Assert.IsType<SourceLocation>(d.Location);
    }

    [Fact]
    public void Deep_parentheses_give_a_diagnostic_not_a_crash()
    {
        var text = new string('(', 10_000) + "a" + new string(')', 10_000);
        Assert.Equal("CWF9002", ParseError(text).Code);
    }

    [Fact]
    public void Long_operator_chains_give_a_diagnostic_not_a_crash()
    {
        var text = string.Join("+", Enumerable.Repeat("a", 10_000));
        Assert.Equal("CWF9002", ParseError(text).Code);
    }

    [Fact]
    public void Nesting_within_the_limit_parses_on_any_thread()
    {
        int depth = SyntaxLimits.MaxExpressionDepth - 5;
        var text = new string('(', depth) + "a" + new string(')', depth);
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { Parse(text); }
            catch (Exception e) { failure = e; }
        }, 256 * 1024);
        thread.Start();
        thread.Join();
        Assert.Null(failure);
    }

    [Fact]
    public void Deep_not_chains_and_case_nesting_give_a_diagnostic()
    {
        Assert.Equal("CWF9002", ParseError(string.Concat(Enumerable.Repeat("not ", 5_000)) + "a").Code);
        Assert.Equal("CWF9002", ParseError(string.Concat(Enumerable.Repeat("case when a then ", 2_000)) + "1" + string.Concat(Enumerable.Repeat(" end", 2_000))).Code);
    }
}

public class CanvasFragmentTests
{
    // StringSql values as canvas exports write them, in the warehouses' dialects.
    [Theory]
    [InlineData("ST_DWITHIN(geom, ST_GEOGPOINT(-73.98, 40.75), 1000)", false)]
    [InlineData("status = \"open\" AND revenue >= 1e6", true)]
    [InlineData("DATE(created_at) > '2020-01-01'", false)]
    [InlineData("EXTRACT(YEAR FROM created_at) = 2024", false)]
    [InlineData("IFNULL(population, 0) * 1.0 / NULLIF(area_km2, 0)", false)]
    [InlineData("CASE WHEN score >= 90 THEN 'A' WHEN score >= 80 THEN 'B' ELSE 'C' END", false)]
    [InlineData("name NOT LIKE '%test%' AND id NOT IN (1, 2, 3) AND x IS NOT NULL", false)]
    [InlineData("t.\"Column With Spaces\" <> ''", false)]
    [InlineData("`carto-un`.carto.H3_FROMGEOGPOINT(geom, @resolution)", true)]
    [InlineData("CAST(zip AS STRING) || '-' || CAST(code AS VARCHAR(10))", false)]
    [InlineData("revenue::numeric(12, 2) > 0", false)]
    [InlineData("COUNT(DISTINCT customer_id)", false)]
    public void Canvas_fragments_parse(string fragment, bool doubleQuotedStrings)
    {
        var result = CwfParser.ParseExpression(SourceText.From(fragment), new ExpressionParseOptions { DoubleQuotedStrings = doubleQuotedStrings });
        Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics));
    }

    [Theory]
    [InlineData("*, ST_BUFFER(geom, 100) AS zone")]
    [InlineData("id, name AS title, COUNT(*) AS n")]
    [InlineData("SELECT a.*, b.x")]
    [InlineData("id, revenue / 1000 revenue_k")]
    public void Canvas_select_lists_parse(string list)
    {
        var result = CwfParser.ParseSelectList(SourceText.From(list));
        Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Extract_binds_to_the_date_part_functions()
    {
        var source = SourceText.From("extract(year from d) + extract(MONTH from d)");
        var schema = new Cwf.Ir.Schema([new Cwf.Ir.Column("d", Cwf.Ir.SqlType.Date)]);
        var bound = Cwf.Binding.ExpressionBinder.Bind(CwfParser.ParseExpression(source).Syntax!, Cwf.Binding.ExpressionScope.Single(schema), source);
        Assert.Equal("(year(d) + month(d))", bound.Expr!.ToString());
    }
}
