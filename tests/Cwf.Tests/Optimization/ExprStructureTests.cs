using Cwf.Ir;
using Cwf.Optimization;

namespace Cwf.Tests.Optimization;

public class ExprStructureTests
{
    private static readonly ColumnRef X = new("x", SqlType.Int64, false);

    private static Expr Sample(long k) => ExprFactory.Case(
        [new WhenClause(ExprFactory.InList(X, [Literal.Int(1), Literal.Int(k)]), Literal.String("a"))],
        ExprFactory.Call(Functions.Upper, Literal.String("b")));

    [Fact]
    public void Separately_built_equal_trees_are_equal_and_hash_alike()
    {
        Assert.True(ExprStructure.Equal(Sample(2), Sample(2)));
        Assert.Equal(ExprStructure.Hash(Sample(2)), ExprStructure.Hash(Sample(2)));
        Assert.False(ExprStructure.Equal(Sample(2), Sample(3)));
    }

    [Fact]
    public void Kind_operator_name_side_type_and_negation_each_tell_trees_apart()
    {
        Expr[] distinct =
        [
            ExprFactory.Binary(BinaryOp.Add, X, Literal.Int(1)),
            ExprFactory.Binary(BinaryOp.Subtract, X, Literal.Int(1)),
            ExprFactory.Binary(BinaryOp.Add, X with { Name = "y" }, Literal.Int(1)),
            ExprFactory.Binary(BinaryOp.Add, X with { Input = 1 }, Literal.Int(1)),
            ExprFactory.Binary(BinaryOp.Add, X, Literal.Float(1.0)),
            ExprFactory.IsNull(X),
            ExprFactory.IsNull(X, negated: true),
            Literal.Null(SqlType.Int64),
            Literal.Null(SqlType.String),
            new ParamRef("p", SqlType.Int64),
            ExprFactory.Call(Functions.Upper, Literal.String("b")),
            ExprFactory.Call(Functions.Lower, Literal.String("b")),
            new RawSql("random()", SqlType.Float64),
        ];
        for (int i = 0; i < distinct.Length; i++)
            for (int j = 0; j < distinct.Length; j++)
                Assert.Equal(i == j, ExprStructure.Equal(distinct[i], distinct[j] with { }));
    }

    [Fact]
    public void A_case_with_an_else_differs_from_the_same_case_without()
    {
        Seq<WhenClause> whens = [new(Literal.Bool(true), X), new(Literal.Bool(false), X with { Name = "y" })];
        var withElse = new Case(whens, X, SqlType.Int64, false);
        Assert.False(ExprStructure.Equal(withElse, withElse with { Else = null }));
        Assert.True(ExprStructure.Equal(withElse, withElse with { }));
    }

    [Fact]
    public void A_tree_100000_deep_is_compared_and_hashed_without_recursion()
    {
        Expr Deep()
        {
            Expr e = X;
            for (int i = 0; i < 100_000; i++) e = new Binary(BinaryOp.Add, e, Literal.Int(i), SqlType.Int64, false);
            return e;
        }
        var (a, b) = (Deep(), Deep());
        Assert.True(ExprStructure.Equal(a, b));
        Assert.Equal(ExprStructure.Hash(a), ExprStructure.Hash(b));
    }
}
