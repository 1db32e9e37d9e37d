namespace Cwf.Ir;

/// <summary>
/// A typed scalar expression inside one relational node. Expressions are immutable trees with
/// value equality; each knows its result type and whether it can be NULL. Column references
/// name a column of the node's input (or, in a join condition, of input 0 = left / 1 = right).
/// Recursion over an expression is bounded by its depth, which the front ends limit.
/// </summary>
public abstract record Expr(SqlType Type, bool Nullable)
{
    /// <summary>The direct sub-expressions, left to right.</summary>
    public abstract Seq<Expr> Children { get; }

    /// <summary>A copy of this node with new children (same count and order as <see cref="Children"/>).</summary>
    public abstract Expr WithChildren(Seq<Expr> children);

    /// <summary>The number of <see cref="Children"/>, without building the list (walks over large workflows visit millions of nodes).</summary>
    public virtual int ChildCount => Children.Count;

    /// <summary>Child <paramref name="index"/> of <see cref="Children"/>, without building the list.</summary>
    public virtual Expr ChildAt(int index) => Children[index];

    /// <summary>This expression and all its descendants, pre-order, without recursion.</summary>
    public IEnumerable<Expr> DescendantsAndSelf()
    {
        var stack = new Stack<Expr>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            yield return e;
            for (int i = e.ChildCount - 1; i >= 0; i--) stack.Push(e.ChildAt(i));
        }
    }

    public sealed override string ToString() => ExprPrinter.Print(this);
}

/// <summary>A column of the input relation. <paramref name="Input"/> is 0 except in join conditions (1 = right side).</summary>
public sealed record ColumnRef(string Name, SqlType Type, bool Nullable = true, int Input = 0) : Expr(Type, Nullable)
{
    public override Seq<Expr> Children => [];
    public override Expr WithChildren(Seq<Expr> children) => this;
    public override int ChildCount => 0;
    public override Expr ChildAt(int index) => throw new ArgumentOutOfRangeException(nameof(index));
}

/// <summary>
/// A constant. Values are CLR values of one kind per type: long (int64), double (float64),
/// decimal (decimal), string, bool, DateOnly (date), DateTime (timestamp), or null.
/// </summary>
public sealed record Literal(object? Value, SqlType Type) : Expr(Type, Value is null)
{
    public static Literal Null(SqlType type = SqlType.Unknown) => new(null, type);
    public static Literal Int(long value) => new(value, SqlType.Int64);
    public static Literal Float(double value) => new(value, SqlType.Float64);
    public static Literal Decimal(decimal value) => new(value, SqlType.Decimal);
    public static Literal String(string value) => new(value, SqlType.String);
    public static Literal Bool(bool value) => new(value, SqlType.Bool);
    public static Literal Date(DateOnly value) => new(value, SqlType.Date);
    public static Literal Timestamp(DateTime value) => new(value, SqlType.Timestamp);

    public override Seq<Expr> Children => [];
    public override Expr WithChildren(Seq<Expr> children) => this;
    public override int ChildCount => 0;
    public override Expr ChildAt(int index) => throw new ArgumentOutOfRangeException(nameof(index));
}

/// <summary>A workflow parameter (public parameters become procedure arguments).</summary>
public sealed record ParamRef(string Name, SqlType Type) : Expr(Type, false)
{
    public override Seq<Expr> Children => [];
    public override Expr WithChildren(Seq<Expr> children) => this;
    public override int ChildCount => 0;
    public override Expr ChildAt(int index) => throw new ArgumentOutOfRangeException(nameof(index));
}

public enum UnaryOp
{
    Not,
    Negate,
}

public sealed record Unary(UnaryOp Op, Expr Operand, SqlType Type, bool Nullable) : Expr(Type, Nullable)
{
    public override Seq<Expr> Children => [Operand];
    public override Expr WithChildren(Seq<Expr> children) => this with { Operand = children[0] };
    public override int ChildCount => 1;
    public override Expr ChildAt(int index) => index == 0 ? Operand : throw new ArgumentOutOfRangeException(nameof(index));
}

public enum BinaryOp
{
    Add,
    Subtract,
    Multiply,
    /// <summary>Always a true division: int64 / int64 is float64 on every dialect.</summary>
    Divide,
    /// <summary>Remainder of integer division (sign of the dividend).</summary>
    Modulo,
    /// <summary>String concatenation; NULL if either side is NULL.</summary>
    Concat,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    And,
    Or,
}

public sealed record Binary(BinaryOp Op, Expr Left, Expr Right, SqlType Type, bool Nullable) : Expr(Type, Nullable)
{
    public override Seq<Expr> Children => [Left, Right];
    public override Expr WithChildren(Seq<Expr> children) => this with { Left = children[0], Right = children[1] };
    public override int ChildCount => 2;
    public override Expr ChildAt(int index) => index switch { 0 => Left, 1 => Right, _ => throw new ArgumentOutOfRangeException(nameof(index)) };
}

/// <summary><c>operand IS [NOT] NULL</c>.</summary>
public sealed record IsNull(Expr Operand, bool Negated) : Expr(SqlType.Bool, false)
{
    public override Seq<Expr> Children => [Operand];
    public override Expr WithChildren(Seq<Expr> children) => this with { Operand = children[0] };
    public override int ChildCount => 1;
    public override Expr ChildAt(int index) => index == 0 ? Operand : throw new ArgumentOutOfRangeException(nameof(index));
}

/// <summary><c>operand [NOT] IN (items)</c> with SQL's three-valued logic.</summary>
public sealed record InList(Expr Operand, Seq<Expr> Items, bool Negated, bool Nullable) : Expr(SqlType.Bool, Nullable)
{
    public override Seq<Expr> Children => Items.Items.Insert(0, Operand);
    public override Expr WithChildren(Seq<Expr> children) => this with { Operand = children[0], Items = new(children.Items.RemoveAt(0)) };
}

/// <summary><c>operand [NOT] BETWEEN low AND high</c> (inclusive).</summary>
public sealed record Between(Expr Operand, Expr Low, Expr High, bool Negated, bool Nullable) : Expr(SqlType.Bool, Nullable)
{
    public override Seq<Expr> Children => [Operand, Low, High];
    public override Expr WithChildren(Seq<Expr> children) => this with { Operand = children[0], Low = children[1], High = children[2] };
}

/// <summary><c>operand [NOT] LIKE pattern</c>: <c>%</c> and <c>_</c> wildcards, case-sensitive, no escape character.</summary>
public sealed record Like(Expr Operand, Expr Pattern, bool Negated, bool Nullable) : Expr(SqlType.Bool, Nullable)
{
    public override Seq<Expr> Children => [Operand, Pattern];
    public override Expr WithChildren(Seq<Expr> children) => this with { Operand = children[0], Pattern = children[1] };
}

public sealed record WhenClause(Expr Condition, Expr Result);

/// <summary>A searched <c>CASE WHEN c THEN r ... ELSE e END</c>; a missing ELSE yields NULL.</summary>
public sealed record Case(Seq<WhenClause> Whens, Expr? Else, SqlType Type, bool Nullable) : Expr(Type, Nullable)
{
    public override Seq<Expr> Children
    {
        get
        {
            var list = new List<Expr>(Whens.Count * 2 + 1);
            foreach (var w in Whens)
            {
                list.Add(w.Condition);
                list.Add(w.Result);
            }
            if (Else is not null) list.Add(Else);
            return list.ToSeq();
        }
    }

    public override Expr WithChildren(Seq<Expr> children)
    {
        var whens = new List<WhenClause>(Whens.Count);
        for (int i = 0; i < Whens.Count; i++) whens.Add(new WhenClause(children[2 * i], children[2 * i + 1]));
        return this with { Whens = whens.ToSeq(), Else = Else is null ? null : children[^1] };
    }

}

/// <summary><c>CAST(operand AS type)</c>; a failed conversion is an error at run time, as in SQL.</summary>
public sealed record Cast(Expr Operand, SqlType Type) : Expr(Type, Operand.Nullable)
{
    public override Seq<Expr> Children => [Operand];
    public override Expr WithChildren(Seq<Expr> children) => this with { Operand = children[0] };
    public override int ChildCount => 1;
    public override Expr ChildAt(int index) => index == 0 ? Operand : throw new ArgumentOutOfRangeException(nameof(index));
}

/// <summary>A call of a portable built-in scalar or spatial function.</summary>
public sealed record Call(BuiltinFunction Function, Seq<Expr> Args, SqlType Type, bool Nullable) : Expr(Type, Nullable)
{
    public override Seq<Expr> Children => Args;
    public override Expr WithChildren(Seq<Expr> children) => this with { Args = children };
    public override int ChildCount => Args.Count;
    public override Expr ChildAt(int index) => Args[index];
}

/// <summary>
/// A SQL fragment in one warehouse's dialect that cwf could not analyse (for example a canvas
/// StringSql value using a vendor function). It is emitted verbatim; its type is what the
/// importer could tell, often Unknown. Front ends warn when they produce one.
/// </summary>
public sealed record RawSql(string Sql, SqlType Type) : Expr(Type, true)
{
    public override Seq<Expr> Children => [];
    public override Expr WithChildren(Seq<Expr> children) => this;
    public override int ChildCount => 0;
    public override Expr ChildAt(int index) => throw new ArgumentOutOfRangeException(nameof(index));
}
