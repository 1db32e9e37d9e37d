using System.Text.RegularExpressions;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;
using CsCheck;
using static Cwf.Ir.ExprFactory;

namespace Cwf.Tests.Emit;

/// <summary>
/// Random predicates and integer expressions (AND/OR/NOT, comparisons, arithmetic, IS NULL, IN,
/// BETWEEN, LIKE, NULL literals) compiled to SQL and run on real engines agree with SQL's
/// three-valued logic evaluated here: the filter's match and unmatch partition the rows, and
/// parentheses are where precedence needs them.
/// </summary>
[EngineTest(Engine.PostgreSql), EngineTest(Engine.DuckDb)]
[Collection(PostgresCollection.Name)]
public sealed class ExpressionPropertyTests(PostgresServer server)
{
    private static readonly Schema Table = new([new("id", SqlType.Int64, false), new("a", SqlType.Int64), new("b", SqlType.Int64), new("s", SqlType.String)]);
    private static readonly ColumnRef A = EmitSamples.Col(Table, "a");
    private static readonly ColumnRef B = EmitSamples.Col(Table, "b");
    private static readonly ColumnRef S = EmitSamples.Col(Table, "s");

    private static TestTable Rows()
    {
        long?[] ints = [null, -2, 0, 1, 3];
        string?[] strings = [null, "ab", "b", "xb"];
        var rows = new List<object?[]>();
        long id = 0;
        foreach (var a in ints)
            foreach (var b in ints)
                foreach (var s in strings)
                    rows.Add([++id, a, b, s]);
        return new TestTable(new TableName(["t"]), Table, rows);
    }

    private static readonly Gen<Expr> IntExpr = Gen.Recursive<Expr>((depth, self) => depth >= 3
        ? Leaf
        : Gen.Frequency(
            (3, Leaf),
            (2, Gen.Select(Gen.OneOf(Gen.Const(BinaryOp.Add), Gen.Const(BinaryOp.Subtract), Gen.Const(BinaryOp.Multiply)), self, self, (op, l, r) => Binary(op, l, r))),
            (1, self.Select(e => Unary(UnaryOp.Negate, e))),
            (1, Gen.Select(self, Gen.OneOf(Gen.Const(3L), Gen.Const(-2L)), (e, d) => Binary(BinaryOp.Modulo, e, Literal.Int(d))))));

    private static Gen<Expr> Leaf => Gen.Frequency(
        (3, Gen.OneOf<Expr>(Gen.Const<Expr>(A), Gen.Const<Expr>(B))),
        (2, Gen.Long[-3, 5].Select(v => (Expr)Literal.Int(v))),
        (1, Gen.Const<Expr>(Literal.Null(SqlType.Int64))));

    private static readonly Gen<Expr> BoolExpr = Gen.Recursive<Expr>((depth, self) => depth >= 3
        ? Atom
        : Gen.Frequency(
            (4, Atom),
            (2, Gen.Select(Gen.OneOf(Gen.Const(BinaryOp.And), Gen.Const(BinaryOp.Or)), self, self, (op, l, r) => Binary(op, l, r))),
            (1, self.Select(e => Not(e)))));

    private static Gen<Expr> Atom => Gen.Frequency(
        (4, Gen.Select(Gen.OneOf(Gen.Const(BinaryOp.Equal), Gen.Const(BinaryOp.NotEqual), Gen.Const(BinaryOp.Less), Gen.Const(BinaryOp.LessOrEqual), Gen.Const(BinaryOp.Greater), Gen.Const(BinaryOp.GreaterOrEqual)),
            IntExpr, IntExpr, (op, l, r) => Binary(op, l, r))),
        (1, Gen.Select(IntExpr, Gen.Bool, (e, negated) => IsNull(e, negated))),
        (1, Gen.Select(IntExpr, IntExpr, IntExpr, (e, lo, hi) => Between(e, lo, hi))),
        (1, Gen.Select(IntExpr, Leaf.Array[1, 3], Gen.Bool, (e, items, negated) => InList(e, items, negated))),
        (1, Gen.Select(Gen.OneOf(Gen.Const("a%"), Gen.Const("%b"), Gen.Const("_b"), Gen.Const("ab")), Gen.Bool, (p, negated) => Like(S, Literal.String(p), negated))),
        (1, Gen.OneOf(Gen.Const<Expr>(Literal.Bool(true)), Gen.Const<Expr>(Literal.Bool(false)), Gen.Const<Expr>(Literal.Null(SqlType.Bool)))));

    private static Workflow Compile(Expr predicate, Expr value)
    {
        var b = new WorkflowBuilder("property");
        var t = b.Scan(new TableName(["t"]), Table, "t");
        b.Sink(b.Filter(t.Id, predicate, FilterBranch.Match, "match").Id, new TableName(["matched"]), WriteMode.Replace, "k1");
        b.Sink(b.Filter(t.Id, predicate, FilterBranch.Unmatch, "unmatch").Id, new TableName(["unmatched"]), WriteMode.Replace, "k2");
        b.Sink(b.Project(t.Id, [new("id", EmitSamples.Col(Table, "id")), new("v", value)], "values").Id, new TableName(["computed"]), WriteMode.Replace, "k3");
        return b.ToWorkflow();
    }

    private static (RowSet Matched, RowSet Unmatched, RowSet Values) Expected(Expr predicate, Expr value)
    {
        var matched = new List<object?[]>();
        var unmatched = new List<object?[]>();
        var values = new List<object?[]>();
        foreach (var row in Rows().Rows)
        {
            var env = new Dictionary<string, object?> { ["a"] = row[1], ["b"] = row[2], ["s"] = row[3] };
            (Eval(predicate, env) is true ? matched : unmatched).Add([row[0]]);
            values.Add([row[0], Eval(value, env)]);
        }
        return (new RowSet(["id"], matched), new RowSet(["id"], unmatched), new RowSet(["id", "v"], values));
    }

    /// <summary>SQL's three-valued logic over the generated subset.</summary>
    private static object? Eval(Expr expr, Dictionary<string, object?> env)
    {
        switch (expr)
        {
            case ColumnRef c: return env[c.Name];
            case Literal l: return l.Value;
            case Unary { Op: UnaryOp.Not } u: return Eval(u.Operand, env) is bool truth ? !truth : null;
            case Unary u: return Eval(u.Operand, env) is long number ? -number : null;
            case IsNull n: return (Eval(n.Operand, env) is null) != n.Negated;
            case Between bt:
                return And(Compare(Eval(bt.Operand, env), Eval(bt.Low, env), c => c >= 0), Compare(Eval(bt.Operand, env), Eval(bt.High, env), c => c <= 0)) is bool inRange
                    ? inRange != bt.Negated : null;
            case InList i:
            {
                var operand = Eval(i.Operand, env);
                if (operand is null) return null;
                var items = i.Items.Select(e => Eval(e, env)).ToList();
                bool? found = items.Any(v => Equals(v, operand)) ? true : items.Any(v => v is null) ? null : false;
                return found is bool f ? f != i.Negated : null;
            }
            case Like lk:
            {
                if (Eval(lk.Operand, env) is not string s) return null;
                var pattern = "^" + Regex.Escape((string)((Literal)lk.Pattern).Value!).Replace("%", ".*").Replace("_", ".") + "$";
                return Regex.IsMatch(s, pattern, RegexOptions.Singleline) != lk.Negated;
            }
            case Binary { Op: BinaryOp.And } and: return And(Eval(and.Left, env), Eval(and.Right, env));
            case Binary { Op: BinaryOp.Or } or:
            {
                var (l, r) = (Eval(or.Left, env), Eval(or.Right, env));
                return l is true || r is true ? true : l is null || r is null ? null : false;
            }
            case Binary b:
            {
                var (l, r) = (Eval(b.Left, env), Eval(b.Right, env));
                return b.Op switch
                {
                    BinaryOp.Add => l is long x && r is long y ? x + y : null,
                    BinaryOp.Subtract => l is long x && r is long y ? x - y : null,
                    BinaryOp.Multiply => l is long x && r is long y ? x * y : null,
                    BinaryOp.Modulo => l is long x && r is long y ? x % y : null,
                    BinaryOp.Equal => Compare(l, r, c => c == 0),
                    BinaryOp.NotEqual => Compare(l, r, c => c != 0),
                    BinaryOp.Less => Compare(l, r, c => c < 0),
                    BinaryOp.LessOrEqual => Compare(l, r, c => c <= 0),
                    BinaryOp.Greater => Compare(l, r, c => c > 0),
                    BinaryOp.GreaterOrEqual => Compare(l, r, c => c >= 0),
                    _ => throw new InvalidOperationException(b.Op.ToString()),
                };
            }
            default: throw new InvalidOperationException(expr.GetType().Name);
        }
    }

    private static object? And(object? l, object? r) => l is false || r is false ? false : l is null || r is null ? null : true;

    private static object? Compare(object? l, object? r, Func<int, bool> test) => l is long x && r is long y ? test(x.CompareTo(y)) : null;

    private static readonly Gen<(Expr Predicate, Expr Value)> Cases = Gen.Select(BoolExpr, IntExpr);

    [Fact]
    public void DuckDB_agrees_with_three_valued_logic() =>
        Cases.Check(c =>
        {
            using var duck = new DuckDbRunner();
            duck.LoadTable(Rows());
            var sql = SqlEmitter.Emit(Compile(c.Predicate, c.Value), Dialects.Find("duckdb")!).Sql!;
            duck.RunScript(sql).EnsureSucceeded();
            var (matched, unmatched, values) = Expected(c.Predicate, c.Value);
            RowSetAssert.Equal(matched, duck.Query("SELECT id FROM matched"));
            RowSetAssert.Equal(unmatched, duck.Query("SELECT id FROM unmatched"));
            RowSetAssert.Equal(values, duck.ReadTable("computed"));
        }, iterations: TestSettings.PropertyIterations, print: c => $"predicate {c.Predicate}, value {c.Value}");

    [Fact]
    public async Task PostgreSQL_agrees_with_three_valued_logic()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.LoadTableAsync(Rows());
        await Cases.CheckAsync(async c =>
        {
            var sql = SqlEmitter.Emit(Compile(c.Predicate, c.Value), Dialects.Find("postgres")!).Sql!;
            (await db.RunPsqlAsync(sql)).EnsureSucceeded();
            var (matched, unmatched, values) = Expected(c.Predicate, c.Value);
            RowSetAssert.Equal(matched, await db.QueryAsync("SELECT id FROM matched"));
            RowSetAssert.Equal(unmatched, await db.QueryAsync("SELECT id FROM unmatched"));
            RowSetAssert.Equal(values, await db.ReadTableAsync("computed"));
        }, iterations: Math.Max(1, TestSettings.PropertyIterations / 4), print: c => $"predicate {c.Predicate}, value {c.Value}");
    }
}
