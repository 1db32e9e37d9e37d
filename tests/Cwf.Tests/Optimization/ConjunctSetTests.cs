using Cwf.Ir;
using Cwf.Optimization;
using Xunit.Abstractions;

namespace Cwf.Tests.Optimization;

/// <summary>
/// The deferred rewriting of <see cref="ConjunctSet"/> against its definition: at each crossing,
/// a conjunct that reads a changed column has every column it reads replaced by its definition
/// there and moves to the end; the others stay as they are.
/// </summary>
public class ConjunctSetTests(ITestOutputHelper output)
{
    private static ColumnRef Col(string name, SqlType type = SqlType.Int64) => new(name, type);
    private static Expr Op(BinaryOp op, Expr left, Expr right) => ExprFactory.Binary(op, left, right);

    // Crossings that rewrite different conjuncts: a pass-through spelled differently ("A") replaces
    // the references of the conjuncts rewritten there and of no other.
    private static readonly List<(string Name, Expr? Definition)>[] Crossings =
    [
        [("a", Op(BinaryOp.Multiply, Col("a"), Literal.Int(2))), ("b", Col("b"))],
        [("a", Col("A", SqlType.Float64)), ("b", Op(BinaryOp.Add, Col("b"), Literal.Int(1)))],
        [("a", Op(BinaryOp.Subtract, Col("a"), Literal.Int(5))), ("b", Col("b"))],
        [("a", Col("a")), ("b", Col("b")), ("c", Literal.Int(7))],
        [("a", Op(BinaryOp.Add, Col("a"), Col("b"))), ("b", Col("b"))],
        [("a", Col("A", SqlType.Float64)), ("b", Op(BinaryOp.Add, Col("b"), Literal.Int(2)))],
    ];

    private static List<Expr> Conjuncts() =>
    [
        Op(BinaryOp.Greater, Col("a"), Literal.Int(1)),
        Op(BinaryOp.Greater, Op(BinaryOp.Add, Col("a"), Col("b")), Literal.Int(2)),
        Op(BinaryOp.Less, Col("b"), Literal.Int(3)),
        Op(BinaryOp.Equal, Col("a"), Op(BinaryOp.Multiply, Col("a"), Col("a"))),
    ];

    [Fact]
    public void Conjuncts_are_written_as_rewriting_at_every_crossing_writes_them()
    {
        var set = new ConjunctSet(Conjuncts());
        var expected = Conjuncts();
        foreach (var crossing in Crossings)
        {
            Assert.Empty(set.CrossDefinitions(crossing));
            expected = RewriteEachStep(expected, crossing);
        }
        Assert.Equal(expected, set.Items.ToList());
    }

    [Fact]
    public void Conjuncts_absorbed_on_the_way_share_the_later_crossings()
    {
        var set = new ConjunctSet(Conjuncts().Take(2));
        var expected = Conjuncts().Take(2).ToList();
        for (int k = 0; k < Crossings.Length; k++)
        {
            // A filter met between two crossings joins the set there.
            var joining = Conjuncts()[2 + k % 2];
            set.Add(joining);
            expected.Add(joining);
            Assert.Empty(set.CrossDefinitions(Crossings[k]));
            expected = RewriteEachStep(expected, Crossings[k]);
        }
        Assert.Equal(expected, set.Items.ToList());
    }

    [Fact]
    public void A_crossing_that_would_grow_a_conjunct_beyond_the_bound_leaves_it_above()
    {
        var set = new ConjunctSet([Op(BinaryOp.Greater, Col("a"), Col("b"))]);
        List<(string, Expr?)> redefine = [("a", Op(BinaryOp.Add, Col("a"), Literal.Int(1))), ("b", Col("b"))];
        int crossed = 0;
        IReadOnlyList<Expr> stuck;
        while ((stuck = set.CrossDefinitions(redefine)).Count == 0) crossed++;
        // Each crossing adds two nodes to the 3 of `a > b`: the last allowed one reaches the bound.
        Assert.Equal((SubstitutionBound.MaxNodes - 3) / 2, crossed);
        Assert.Equal(0, set.Count);
        Assert.Equal(3 + 2 * crossed, SubstitutionBound.NodeCount(Assert.Single(stuck), int.MaxValue));
    }

    // Crossings that rewrite every conjunct (recorded once, in the log the set shares) and crossings
    // that rewrite some, in random order, with filters joining, conjuncts left above at the bound,
    // and the set read between crossings (its conjuncts written, their pending crossings reset): what
    // the shared log, the working lists and the tallies the set keeps across crossings hold must leave
    // every conjunct as rewriting it at each crossing writes it.
    [Theory]
    [InlineData(20261207)]
    [InlineData(31)]
    [InlineData(4242)]
    [InlineData(987654321)]
    public void Random_crossings_joins_and_reads_write_every_conjunct_as_rewriting_at_each_crossing_does(int seed)
    {
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        // Crossings that rewrite every conjunct of the set (each reads a or b, or a while no conjunct
        // reading b only is in the set), mixed with those of Crossings.
        List<(string Name, Expr? Definition)>[] everyConjunct =
        [
            [("a", Op(BinaryOp.Add, Col("a"), Literal.Int(1))), ("b", Col("b"))],
            [("a", Col("A", SqlType.Float64)), ("b", Col("b"))],
            [("a", Op(BinaryOp.Add, Col("a"), Literal.Int(3))), ("b", Op(BinaryOp.Multiply, Col("b"), Literal.Int(2)))],
            [("a", Col("b")), ("b", Col("a"))],
        ];
        var set = new ConjunctSet(Conjuncts().Take(2));
        var expected = Conjuncts().Take(2).ToList();
        int stuckSeen = 0;
        for (int k = 0; k < 400; k++)
        {
            int what = random.Next(10);
            if (what == 0)
            {
                var joining = Conjuncts()[random.Next(4)];
                set.Add(joining);
                expected.Add(joining);
            }
            else if (what == 1) Assert.Equal(expected, set.Items.ToList());
            else
            {
                var crossing = what < 6 ? everyConjunct[random.Next(everyConjunct.Length)] : Crossings[random.Next(Crossings.Length)];
                // A conjunct left above is written as it was before the crossing and leaves the set.
                var stuck = set.CrossDefinitions(crossing);
                foreach (var s in stuck) Assert.True(expected.Remove(s), $"seed {seed}, step {k}: a conjunct left above is not one the set held");
                stuckSeen += stuck.Count;
                expected = RewriteEachStep(expected, crossing);
            }
            Assert.Equal(expected.Count, set.Count);
        }
        Assert.Equal(expected, set.Items.ToList());
        // The bound was met on the way: the test covers conjuncts leaving the set too.
        Assert.True(stuckSeen > 0, $"seed {seed}: no conjunct reached the bound");
    }

    // The rule itself, one conjunct at a time: the reference the deferred rewriting must equal.
    private static List<Expr> RewriteEachStep(List<Expr> conjuncts, List<(string Name, Expr? Definition)> definitions)
    {
        var map = definitions.ToDictionary(d => d.Name, d => d.Definition, StringComparer.OrdinalIgnoreCase);
        bool Changing((string Name, Expr? Definition) d) =>
            d.Definition is not ColumnRef { Input: 0 } r || !r.Name.Equals(d.Name, StringComparison.OrdinalIgnoreCase);
        var changing = definitions.Where(Changing).Select(d => d.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var kept = conjuncts.Where(c => !Predicates.Columns(c).Any(r => changing.Contains(r.Name))).ToList();
        var moved = conjuncts.Where(c => Predicates.Columns(c).Any(r => changing.Contains(r.Name)))
            .Select(c => Predicates.Substitute(c, r => map[r.Name]));
        return [.. kept, .. moved];
    }
}
