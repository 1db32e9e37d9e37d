using Cwf.Tests.Infrastructure;
using static Cwf.Tests.Conformance.PgRun;

namespace Cwf.Tests.Conformance;

/// <summary>
/// <c>native.join</c> (section 5) through the CLI and psql, all four join types: main columns then
/// every secondary column with <c>_joined</c>; NULL keys never match; the Selection is case-checked.
/// </summary>
public sealed class JoinFixture : PgCanvasFixture
{
    internal static readonly TestTable Left = TestTable.Create("src.l", "k int64, v string", [1, "a"], [2, "b"], [null, "n"], [2, "b2"]);

    internal static readonly TestTable Right = TestTable.Create("src.r", "k int64, v string", [2, "B"], [3, "C"], [null, "N"]);

    internal override TestTable[] Tables => [Left, Right];

    internal override ProductCanvas Canvas()
    {
        var c = new ProductCanvas("Joins");
        var l = c.Source("src.l", "L");
        var r = c.Source("src.r", "R");
        foreach (var type in new[] { "Inner", "Left", "Right", "Full outer" })
        {
            var join = c.Add("native.join", $"{type} join", ("maincolumn", "k"), ("secondarycolumn", "k"), ("jointype", type));
            c.Connect(l, join, "maintable");
            c.Connect(r, join, "secondarytable");
            c.Save(join, $"out.join_{type.Replace(' ', '_').ToLowerInvariant()}");
        }
        var byText = c.Add("native.join", "Join on text", ("maincolumn", "v"), ("secondarycolumn", "v"), ("jointype", "Inner"));
        c.Connect(l, byText, "maintable");
        c.Connect(r, byText, "secondarytable");
        c.Save(byText, "out.join_text");
        return c;
    }
}

[EngineTest(Engine.PostgreSql)]
[Collection(PostgresCollection.Name)]
public sealed class JoinTests(JoinFixture fixture) : IClassFixture<JoinFixture>
{
    private const string Columns = "k, v, k_joined, v_joined";

    private async Task Check(string table, params object?[][] rows)
    {
        await AssertColumnsAsync(fixture.Db, $"out.{table}", "k bigint, v text, k_joined bigint, v_joined text");
        Exact.AssertEqual(Rows(Columns, rows), await fixture.Db.ReadTableAsync($"out.{table}"));
    }

    [Fact]
    public Task Inner() => Check("join_inner", [2L, "b", 2L, "B"], [2L, "b2", 2L, "B"]);

    [Fact]
    public Task Left() => Check("join_left", [1L, "a", null, null], [2L, "b", 2L, "B"], [2L, "b2", 2L, "B"], [null, "n", null, null]);

    [Fact]
    public Task Right() => Check("join_right", [2L, "b", 2L, "B"], [2L, "b2", 2L, "B"], [null, null, 3L, "C"], [null, null, null, "N"]);

    [Fact]
    public Task Full_outer() => Check("join_full_outer",
        [1L, "a", null, null], [2L, "b", 2L, "B"], [2L, "b2", 2L, "B"], [null, "n", null, null], [null, null, 3L, "C"], [null, null, null, "N"]);

    [Fact]
    public Task String_keys_compare_exactly() => Check("join_text");

    [Fact]
    public void Join_type_differing_only_in_case_is_a_warning_and_accepted()
    {
        var c = new ProductCanvas("Case join");
        var l = c.Source("src.l", "L");
        var r = c.Source("src.r", "R");
        var join = c.Add("native.join", "Outer", ("maincolumn", "k"), ("secondarycolumn", "k"), ("jointype", "Full Outer"));
        c.Connect(l, join, "maintable");
        c.Connect(r, join, "secondarytable");
        c.Save(join, "out.x");
        var result = CwfCli.Compile(c, "postgres", CwfCli.Catalog(JoinFixture.Left, JoinFixture.Right)).ExpectExit(0);
        result.Single("warning", join.Named, "'jointype'", "'Full Outer'");
        Assert.Contains("FULL", result.Output);
    }
}
