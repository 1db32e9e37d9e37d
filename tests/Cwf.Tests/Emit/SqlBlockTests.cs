using Cwf.Emit;

namespace Cwf.Tests.Emit;

/// <summary>
/// A step's query is kept as one text once written (<c>SqlBlock.Flattened</c>), and appended to every
/// statement that reads it: wherever it is appended, at whatever indentation and with whatever suffix,
/// it must write the same SQL as the lines it was made from.
/// </summary>
public sealed class SqlBlockTests
{
    // Each builds a fresh block: an appended block is not changed, and each case appends it again.
    private static readonly Func<SqlBlock>[] Blocks =
    [
        () => new SqlBlock().Line("SELECT").Line("a", 2, ",").Line("b", 2).Line("FROM t"),
        // A blank line, a line of a suffix only, and a line of blanks.
        () => new SqlBlock().Line("SELECT 1").Line("").Line("", 2, ",").Line("   ", 1).Line("FROM t", 3),
        // Nested blocks with suffixes of their own.
        () => new SqlBlock().Line("SELECT *").Line("FROM (").Append(new SqlBlock().Line("SELECT 1").Line("UNION ALL").Line("SELECT 2").Suffix(" x"), 2).Line(") AS u"),
        // A line break inside a line (a literal written with one): never re-indented, so kept as lines.
        () => new SqlBlock().Line("SELECT 'a").Line("b' AS t\nFROM x", 2),
        // A verbatim line of custom SQL.
        () => SqlBlock.FromText("SELECT 'a\n  b' AS t\nFROM x", Dialects.Find("postgres")!.LexicalRules),
        // A blank last line, which a suffix would indent.
        () => SqlBlock.FromText("SELECT 1", Dialects.Find("postgres")!.LexicalRules).Append(new SqlBlock().Line("x").Line("")),
    ];

    public static TheoryData<int, int, string?> Cases()
    {
        var data = new TheoryData<int, int, string?>();
        for (int b = 0; b < Blocks.Length; b++)
            foreach (int indent in new[] { 0, 4 })
                foreach (var suffix in new[] { null, ";" })
                    data.Add(b, indent, suffix);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_flattened_block_writes_the_lines_it_was_made_from(int block, int indent, string? suffix)
    {
        var expected = Statement(Blocks[block](), indent, suffix);
        var flattened = Blocks[block]().Flattened(LeftOver());
        Assert.Equal(expected, Statement(flattened, indent, suffix));
    }

    [Fact]
    public void Lines_that_must_not_be_reindented_are_not_flattened()
    {
        var scratch = new SqlTextStore();
        var lines = Blocks[0]();
        Assert.NotSame(lines, lines.Flattened(scratch));
        foreach (int b in new[] { 3, 4, 5 })
        {
            var original = Blocks[b]();
            Assert.Same(original, original.Flattened(scratch));
        }
    }

    [Fact]
    public void A_flattened_block_is_shared_and_not_changed()
    {
        var scratch = new SqlTextStore();
        var flattened = Blocks[0]().Flattened(scratch);
        Assert.Same(flattened, flattened.Flattened(scratch));
        Assert.Throws<InvalidOperationException>(() => flattened.Line("x"));
        Assert.Throws<InvalidOperationException>(() => flattened.Suffix(";"));
        Assert.Throws<InvalidOperationException>(() => flattened.Append(new SqlBlock().Line("x")));
        Assert.Equal("SELECT\n  a,\n  b\nFROM t\n", flattened.ToString());
    }

    /// <summary>
    /// A statement's CTEs as one entry (<c>SqlBlock.Ctes</c>) write what their lines and appended queries write, for queries of
    /// every kind (flattened, kept as lines, empty), at any indentation, with a suffix, measured and written as the script is.
    /// </summary>
    [Theory]
    [InlineData(0, null)]
    [InlineData(4, null)]
    [InlineData(2, ";")]
    public void A_list_of_ctes_writes_its_names_and_queries_as_lines(int indent, string? suffix)
    {
        var store = new SqlTextStore();
        SqlBlock[] Queries() => [.. Blocks.Select(b => b().Flattened(store)), new SqlBlock()];
        var names = Enumerable.Range(0, Blocks.Length + 1).Select(i => $"cte_{i}").ToArray();
        var expected = new SqlBlock().Line("WITH");
        var queries = Queries();
        for (int i = 0; i < names.Length; i++)
            expected.Line(names[i], 2, " AS (").Append(queries[i], 4).Line(i < names.Length - 1 ? ")," : ")", 2);
        expected.Append(Blocks[0]());
        var listed = new SqlBlock().Line("WITH").Ctes(new Listed(names, Queries())).Append(Blocks[0]());
        Assert.Equal(Statement(expected, indent, suffix), Statement(listed, indent, suffix));

        var whole = new SqlBlock().Append(new SqlBlock().Line("WITH").Ctes(new Listed(names, Queries())).Append(Blocks[0]()), indent);
        if (suffix is not null) whole.Suffix(suffix);
        Assert.Equal(whole.ToString(), SqlLinesTests.WrittenAsScript(whole));
    }

    private sealed class Listed(string[] names, SqlBlock[] queries) : SqlCteList
    {
        public override int Count => names.Length;
        public override string Name(int index) => names[index];
        public override SqlBlock Query(int index) => queries[index];
    }

    /// <summary>A store whose scratch builder holds text from an earlier block, which flattening must forget.</summary>
    private static SqlTextStore LeftOver()
    {
        var store = new SqlTextStore();
        store.Scratch().Append("left over");
        return store;
    }

    /// <summary>The block inside a statement: a line before it, appended at <paramref name="indent"/>, with <paramref name="suffix"/>, and a line after.</summary>
    private static string Statement(SqlBlock block, int indent, string? suffix)
    {
        var inner = new SqlBlock().Append(block, indent);
        if (suffix is not null) inner.Suffix(suffix);
        return new SqlBlock().Line("WITH q AS (").Append(inner, 2).Line(")").ToString();
    }
}
