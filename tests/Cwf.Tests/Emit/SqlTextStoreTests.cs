using Cwf.Emit;
using Cwf.Ir;

namespace Cwf.Tests.Emit;

/// <summary>
/// The text of the queries an emission keeps until its script is written (<c>SqlTextStore</c>): segments of a few
/// arrays, one byte a character. Each must come back as the characters it was given, in its place, wherever a
/// statement appends it (across a chunk boundary too); text the store cannot keep stays a string.
/// </summary>
public sealed class SqlTextStoreTests
{
    private const int Seed = 20261207;

    [Fact]
    public void Segments_come_back_as_given_in_order_across_chunks()
    {
        var random = new Random(Seed);
        var store = new SqlTextStore();
        var texts = new List<string>();
        var segments = new List<StoredSql>();
        var scratch = new System.Text.StringBuilder();
        for (int i = 0; i < 400; i++)
        {
            // Latin-1 text of every kind the store keeps: NUL, controls, quotes, é, ÿ; lengths up to 300.
            var chars = new char[random.Next(1, 300)];
            for (int c = 0; c < chars.Length; c++) chars[c] = (char)random.Next(0, 0x100);
            texts.Add(new string(chars));
            scratch.Clear().Append(chars);
            Assert.True(store.TryAdd(scratch, out var segment), $"seed {Seed}, text {i}");
            segments.Add(segment);
        }
        int chunks = 1;
        for (int i = 0; i < texts.Count; i++)
        {
            Assert.Equal(texts[i], System.Text.Encoding.Latin1.GetString(segments[i].Latin1));
            if (i == 0) continue;
            // In order: after the last in its chunk, or first in a new one; never overlapping.
            if (ReferenceEquals(segments[i].Chunk, segments[i - 1].Chunk)) Assert.Equal(segments[i - 1].Start + segments[i - 1].Length, segments[i].Start);
            else
            {
                Assert.Equal(0, segments[i].Start);
                chunks++;
            }
        }
        // 400 texts of 150 characters on average fill chunks of 1, 2, 4, ... 64 KB and more.
        Assert.True(chunks >= 6, $"seed {Seed}: {chunks} chunks");
    }

    /// <summary>
    /// Chunks are small objects (an array of 85,000 bytes or more is a large object, which the collector reports in the
    /// highest generation as soon as it is allocated): many queries kept do not spend the large-object budget.
    /// </summary>
    [Fact]
    public void Chunks_of_many_queries_are_small_objects()
    {
        var store = new SqlTextStore();
        var text = new System.Text.StringBuilder().Append('q', 500).Append('\n');
        byte[]? last = null;
        int chunks = 0;
        for (int i = 0; i < 4_000; i++)
        {
            Assert.True(store.TryAdd(text, out var segment));
            if (ReferenceEquals(segment.Chunk, last)) continue;
            last = segment.Chunk;
            chunks++;
            // Checked as it is made: a small object is in generation 0, or 1 after a collection since.
            Assert.True(GC.GetGeneration(last) < GC.MaxGeneration, $"chunk {chunks} of {last.Length} bytes is a large object");
        }
        // 2 MB of text: chunks up to the largest, then many of it.
        Assert.True(chunks > 20, $"{chunks} chunks");
    }

    [Fact]
    public void A_text_longer_than_a_chunk_has_a_chunk_of_its_own()
    {
        var store = new SqlTextStore();
        var small = new System.Text.StringBuilder("SELECT 1\n");
        Assert.True(store.TryAdd(small, out var first));
        var large = new System.Text.StringBuilder().Append('x', SqlTextStore.LargeChunk + 10).Append('\n');
        Assert.True(store.TryAdd(large, out var whole));
        Assert.Equal(large.Length, whole.Chunk.Length);
        Assert.Equal(large.ToString(), System.Text.Encoding.Latin1.GetString(whole.Latin1));
        Assert.True(store.TryAdd(small, out var next));
        Assert.NotSame(whole.Chunk, next.Chunk);
        Assert.Equal("SELECT 1\n", System.Text.Encoding.Latin1.GetString(first.Latin1));
    }

    [Fact]
    public void Text_beyond_latin1_is_not_kept_and_stays_a_string()
    {
        var store = new SqlTextStore();
        Assert.False(store.TryAdd(new System.Text.StringBuilder("SELECT \"\u0100\"\n"), out _));
        Assert.True(store.TryAdd(new System.Text.StringBuilder("SELECT \"\u00FF\"\n"), out _));
        var lines = new SqlLines(store);
        var block = lines.Start().Line("SELECT").Line("\"名前\"", 2).Line("FROM t").ToBlock();
        Assert.Equal("  SELECT\n    \"名前\"\n  FROM t;\n", new SqlBlock().Append(block, 2).Suffix(";").ToString());
    }

    /// <summary>A statement over step queries kept in two chunks (the first filled to its end) writes the lines they were written from.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void A_statement_across_a_chunk_boundary_writes_the_lines_of_its_queries(int indent)
    {
        var store = new SqlTextStore();
        var lines = new SqlLines(store);
        // Fills most of the first chunk, so that the next queries cannot all fit in it.
        var filler = lines.Start().Line(new string('f', SqlTextStore.FirstChunk - 40)).ToBlock();
        var queries = new List<SqlBlock>();
        var expected = new List<SqlBlock>();
        for (int q = 0; q < 4; q++)
        {
            var name = $"\"q\"\"{q}\u00e9\"";
            queries.Add(lines.Start().Line("SELECT").Line(name, 2, ",").Line("", 2).Line("b", 2).Line("FROM ", "t").ToBlock());
            expected.Add(new SqlBlock().Line("SELECT").Line(name, 2, ",").Line("", 2).Line("b", 2).Line("FROM t"));
        }
        Assert.Equal(Statement(expected, indent), Statement(queries, indent));
        Assert.Equal(new string('f', SqlTextStore.FirstChunk - 40) + "\n", filler.ToString());
        // The script's way: measured, then written into a string of that length.
        Assert.Equal(Statement(expected, indent), SqlLinesTests.WrittenAsScript(StatementBlock(queries, indent)));
    }

    /// <summary>Names with a quote, a control character, a Latin-1 letter and a letter beyond it, through a whole emission: each written quoted as the dialect quotes it.</summary>
    [Theory]
    [InlineData("postgres")]
    [InlineData("duckdb")]
    [InlineData("bigquery")]
    [InlineData("snowflake")]
    public void Quoted_names_kept_in_the_store_are_still_escaped(string dialectName)
    {
        var dialect = Dialects.Find(dialectName)!;
        var b = new WorkflowBuilder("names");
        var schema = new Schema([new("id", SqlType.Int64, false), new("a\"b`c", SqlType.String), new("tab\there", SqlType.Int64), new("café", SqlType.String)]);
        int scan = b.Scan(TableName.TryParse("src")!, schema, "src").Id;
        var read = b.SchemaOf(scan);
        int renamed = b.Project(scan, read.Columns.Select(c => new NamedExpr(c.Name + "'x", ExprFactory.Column(c))).ToList(), "renamed").Id;
        var id = b.SchemaOf(renamed).Find("id'x")!;
        int kept = b.Filter(renamed, ExprFactory.Binary(BinaryOp.Greater, ExprFactory.Column(id), Literal.Int(1)), FilterBranch.Match, "kept").Id;
        int wide = b.Project(kept, b.SchemaOf(kept).Columns.Select(c => new NamedExpr(c.Name, ExprFactory.Column(c)))
            .Append(new NamedExpr("名前", ExprFactory.Column(id))).ToList(), "wide").Id;
        b.Sink(kept, TableName.TryParse("out_a")!, WriteMode.Replace, "out_a");
        b.Sink(wide, TableName.TryParse("out_b")!, WriteMode.Replace, "out_b");
        var result = SqlEmitter.Emit(b.ToWorkflow(), dialect);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        var sql = result.Sql!;
        foreach (var name in new[] { "a\"b`c'x", "tab\there'x", "café'x", "名前" })
            Assert.Contains(dialect.Identifier(name), sql);
        Assert.Contains("SELECT\n", sql);
    }

    private static SqlBlock StatementBlock(List<SqlBlock> queries, int indent)
    {
        var block = new SqlBlock().Line("WITH");
        for (int i = 0; i < queries.Count - 1; i++) block.Line($"q{i}", 2, " AS (").Append(queries[i], indent).Line(i < queries.Count - 2 ? ")," : ")", 2);
        return block.Append(queries[^1]).Suffix(";");
    }

    private static string Statement(List<SqlBlock> queries, int indent) => StatementBlock(queries, indent).ToString();
}
