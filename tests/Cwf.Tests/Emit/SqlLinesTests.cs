using Cwf.Emit;

namespace Cwf.Tests.Emit;

/// <summary>
/// A query written straight into text (<c>SqlLines</c>) must write the same SQL as the block of the same
/// lines, wherever it is appended, at whatever indentation and with whatever suffix; and the script's
/// text measured first and then written into a string of that length (<c>SqlBlock.WriteTo</c> over
/// <c>TextLength</c> and <c>SpanText</c>) must be the text a builder gets.
/// </summary>
public sealed class SqlLinesTests
{
    // Each case: lines as (text, indent, suffix).
    private static readonly (string Text, int Indent, string? Suffix)[][] Queries =
    [
        [("SELECT", 0, null), ("a", 2, ","), ("b", 2, null), ("FROM t", 0, null)],
        // A blank line, a line of a suffix only, a line of blanks, and an empty suffix.
        [("SELECT 1", 0, null), ("", 2, null), ("", 2, ","), ("   ", 1, null), ("x", 0, ""), ("FROM t", 3, null)],
        // A line break inside a line (a quoted name with one): never re-indented, so kept as lines.
        [("SELECT 'a", 0, null), ("b' AS t\nFROM x", 2, null)],
        // A line break in a suffix.
        [("SELECT 1", 0, "\n"), ("FROM t", 0, null)],
        // A blank last line, which a suffix would indent.
        [("SELECT 1", 0, null), ("", 4, null)],
        // A blank first line.
        [("", 2, null), ("SELECT 1", 0, null)],
    ];

    public static TheoryData<int, int, string?> Cases()
    {
        var data = new TheoryData<int, int, string?>();
        for (int q = 0; q < Queries.Length; q++)
            foreach (int indent in new[] { 0, 4 })
                foreach (var suffix in new[] { null, ";" })
                    data.Add(q, indent, suffix);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Lines_written_as_text_write_the_block_of_the_same_lines(int query, int indent, string? suffix)
    {
        var lines = new SqlLines(new SqlTextStore());
        // Reused: what an earlier query wrote is forgotten.
        lines.Start().Line("SELECT left_over", 6).Line("x\ny");
        var expected = new SqlBlock();
        lines.Start();
        foreach (var (text, lineIndent, lineSuffix) in Queries[query])
        {
            expected.Line(text, lineIndent, lineSuffix);
            // Written in parts where it has two, as the query writer writes a select item.
            int half = text.Length / 2;
            lines.Begin(lineIndent).Add(text[..half]).Add(text[half..]).End(lineSuffix);
        }
        Assert.Equal(Statement(expected, indent, suffix), Statement(lines.ToBlock(), indent, suffix));
    }

    [Fact]
    public void Plain_lines_are_one_text_and_others_stay_lines()
    {
        var lines = new SqlLines(new SqlTextStore());
        var text = lines.Start().Line("SELECT").Line("a", 2).Line("FROM ", "t").ToBlock();
        Assert.Same(text, text.Flattened(new SqlTextStore()));
        Assert.Throws<InvalidOperationException>(() => text.Line("x"));
        Assert.Equal("SELECT\n  a\nFROM t\n", text.ToString());
        // A line with a line break of its own, or a blank last line: lines, each with its indentation, that a suffix can still be added to.
        var broken = lines.Start().Line("SELECT 'a\nb'").Line("FROM t", 2).ToBlock();
        Assert.Same(broken, broken.Flattened(new SqlTextStore()));
        Assert.Equal("  SELECT 'a\nb'\n    FROM t;\n", new SqlBlock().Append(broken, 2).Suffix(";").ToString());
        var blankLast = lines.Start().Line("x").Line("", 2).ToBlock();
        Assert.Equal("  x\n    ;\n", new SqlBlock().Append(blankLast, 2).Suffix(";").ToString());
    }

    public static TheoryData<int> Blocks()
    {
        var data = new TheoryData<int>();
        for (int q = 0; q < Queries.Length; q++) data.Add(q);
        return data;
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void A_measured_text_is_as_long_as_the_written_one_and_the_same(int query)
    {
        var block = new SqlBlock().Line("-- header");
        var inner = new SqlBlock();
        foreach (var (text, indent, suffix) in Queries[query]) inner.Line(text, indent, suffix);
        block.Append(inner, 2).Suffix(";").Append(new SqlBlock().Line("SELECT 2").Flattened(new SqlTextStore()), 4).Line("").Suffix(";");
        Assert.Equal(block.ToString(), WrittenAsScript(block));
    }

    /// <summary>The block as the script is written: measured, then written into a string of that length, which it must fill.</summary>
    internal static string WrittenAsScript(SqlBlock block)
    {
        var length = new TextLength();
        block.WriteTo(ref length);
        return string.Create(length.Length, block, static (span, b) =>
        {
            var text = new SpanText(span);
            b.WriteTo(ref text);
            Assert.True(text.IsFull);
        });
    }

    /// <summary>The block inside a statement: a line before it, appended at <paramref name="indent"/>, with <paramref name="suffix"/>, and a line after.</summary>
    private static string Statement(SqlBlock block, int indent, string? suffix)
    {
        var inner = new SqlBlock().Append(block, indent);
        if (suffix is not null) inner.Suffix(suffix);
        return new SqlBlock().Line("WITH q AS (").Append(inner, 2).Line(")").ToString();
    }
}
