using Cwf.Ir;
using Cwf.Optimization.Passes;
using static Cwf.Tests.Optimization.Fixtures;

namespace Cwf.Tests.Optimization;

public class ConstantFoldingTests
{
    private static readonly ConstantFolding Pass = new();

    private static Workflow FilterOver(Func<WorkflowBuilder, int, Expr> predicate, FilterBranch branch = FilterBranch.Match, Action<WorkflowBuilder>? parameters = null)
    {
        var b = new WorkflowBuilder("t");
        parameters?.Invoke(b);
        var scan = b.Scan(Table("cities"), Cities, "cities");
        var filter = b.Filter(scan.Id, predicate(b, scan.Id), branch, "f");
        b.Sink(filter.Id, Table("out"), WriteMode.Replace, "out");
        return b.ToWorkflow();
    }

    [Fact]
    public void Folds_integer_arithmetic()
    {
        var w = FilterOver((b, s) => ExprFactory.Binary(BinaryOp.Greater, b.Col(s, "population"), ExprFactory.Binary(BinaryOp.Add, Int(1000), Int(1000))));
        Assert.Equal("""
            %1 = scan cities  // cities
            %2 = filter %1 (population > 2000)  // f
            %3 = sink %2 -> out (replace)  // out
            """, After(Pass, w));
    }

    [Fact]
    public void Leaves_overflow_and_division_by_zero_to_the_engine()
    {
        var w = FilterOver((b, s) => ExprFactory.And(
            ExprFactory.Binary(BinaryOp.Greater, b.Col(s, "population"), ExprFactory.Binary(BinaryOp.Add, Int(long.MaxValue), Int(1))),
            ExprFactory.Binary(BinaryOp.Greater, b.Col(s, "population"), ExprFactory.Binary(BinaryOp.Divide, Int(1), Int(0)))));
        AssertUnchanged(Pass, w);
    }

    [Fact]
    public void And_with_true_keeps_the_other_side_but_and_with_null_stays()
    {
        var big = (WorkflowBuilder b, int s) => ExprFactory.Binary(BinaryOp.Greater, b.Col(s, "population"), Int(5));
        var withTrue = FilterOver((b, s) => ExprFactory.And(Literal.Bool(true), big(b, s)));
        Assert.Contains("%2 = filter %1 (population > 5)", After(Pass, withTrue));
        // p AND NULL is NULL or false, never p: it must stay.
        var withNull = FilterOver((b, s) => ExprFactory.And(big(b, s), Literal.Null(SqlType.Bool)));
        AssertUnchanged(Pass, withNull);
    }

    [Fact]
    public void False_and_null_is_false()
    {
        var w = FilterOver((_, _) => ExprFactory.And(Literal.Bool(false), Literal.Null(SqlType.Bool)));
        Assert.Contains("%2 = filter %1 false", After(Pass, w));
    }

    [Fact]
    public void A_filter_that_keeps_every_row_disappears()
    {
        var orTrue = FilterOver((b, s) => ExprFactory.Or(ExprFactory.Binary(BinaryOp.Greater, b.Col(s, "population"), Int(5)), Literal.Bool(true)));
        Assert.Equal("""
            %1 = scan cities  // cities
            %3 = sink %1 -> out (replace)  // out
            """, After(Pass, orTrue));
        // unmatch(NULL) keeps every row too: NULL is not true.
        var unmatchNull = FilterOver((_, _) => Literal.Null(SqlType.Bool), FilterBranch.Unmatch);
        Assert.DoesNotContain("filter", After(Pass, unmatchNull));
        // match(NULL) keeps none: it stays.
        AssertUnchanged(Pass, FilterOver((_, _) => Literal.Null(SqlType.Bool)));
    }

    [Fact]
    public void Unmatch_of_a_predicate_that_cannot_be_null_is_match_of_its_negation()
    {
        var w = FilterOver((b, s) => ExprFactory.Binary(BinaryOp.Greater, b.Col(s, "id"), Int(5)), FilterBranch.Unmatch);
        Assert.Contains("%2 = filter %1 (not (id > 5))", After(Pass, w));
        // population may be NULL: unmatch keeps the NULL rows, which NOT would drop.
        AssertUnchanged(Pass, FilterOver((b, s) => ExprFactory.Binary(BinaryOp.Greater, b.Col(s, "population"), Int(5)), FilterBranch.Unmatch));
    }

    [Fact]
    public void Is_null_of_a_column_that_cannot_be_null_is_false()
    {
        var w = FilterOver((b, s) => ExprFactory.Or(ExprFactory.IsNull(b.Col(s, "id")), ExprFactory.IsNull(b.Col(s, "name"))));
        Assert.Contains("%2 = filter %1 (name is null)", After(Pass, w));
    }

    [Fact]
    public void Fixed_parameters_fold_but_public_ones_stay()
    {
        var w = FilterOver(
            (b, s) => ExprFactory.And(
                ExprFactory.Binary(BinaryOp.Greater, b.Col(s, "population"), ExprFactory.Binary(BinaryOp.Multiply, new ParamRef("k", SqlType.Int64), Int(1000))),
                ExprFactory.Eq(b.Col(s, "country"), new ParamRef("c", SqlType.String))),
            parameters: b =>
            {
                b.AddParameter(new Parameter("k", SqlType.Int64, 50L, IsPublic: false));
                b.AddParameter(new Parameter("c", SqlType.String, "FR", IsPublic: true));
            });
        Assert.Contains("%2 = filter %1 ((population > 50000) and (country = @c))", After(Pass, w));
    }

    [Fact]
    public void Coalesce_and_case_with_known_branches_simplify()
    {
        var b = new WorkflowBuilder("t");
        var scan = b.Scan(Table("cities"), Cities, "cities");
        var project = b.Project(scan.Id, [
            new NamedExpr("a", ExprFactory.Call(Functions.Coalesce, Literal.Null(SqlType.Int64), b.Col(scan.Id, "id"), b.Col(scan.Id, "population"))),
            new NamedExpr("c", ExprFactory.Case([new WhenClause(Literal.Bool(false), Literal.String("x")), new WhenClause(Literal.Bool(true), b.Col(scan.Id, "name"))], Literal.String("z"))),
        ], "p");
        b.Sink(project.Id, Table("out"), WriteMode.Replace, "out");
        Assert.Contains("%2 = project %1 [a := id, c := name]", After(Pass, b.ToWorkflow()));
    }

    [Fact]
    public void String_ordering_is_not_folded_because_collations_differ()
    {
        AssertUnchanged(Pass, FilterOver((_, _) => ExprFactory.Binary(BinaryOp.Less, Literal.String("a"), Literal.String("B"))));
        Assert.Contains("filter %1 false", After(Pass, FilterOver((_, _) => ExprFactory.Eq(Literal.String("a"), Literal.String("B")))));
    }
}
