using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// <c>substr(s, start, n)</c> keeps the characters at positions [start, start + n) that exist, as
/// standard SQL does, also for a start below 1. Where <c>SUBSTR</c> counts a negative start from the
/// end of the string or reads it as 1, the start is clamped at 1 and the length shortened first.
/// </summary>
internal static class SubstrStart
{
    /// <summary>
    /// The arguments with the start clamped at 1 and the length shortened by the positions before 1
    /// (at least 0), so that <c>substr('abc', -1, 3)</c> is <c>'a'</c>; unchanged for a literal start of 1 or more.
    /// </summary>
    public static Seq<Expr> ClampedAtOne(Call call)
    {
        if (call.Args[1] is Literal { Value: >= 1L }) return call.Args;
        var start = call.Args[1];
        var one = Literal.Int(1);
        var beforeOne = ExprFactory.Binary(BinaryOp.Less, start, one);
        var clamped = ExprFactory.Case([new WhenClause(beforeOne, one)], start);
        if (call.Args.Count == 2) return [call.Args[0], clamped];
        var zero = Literal.Int(0);
        var remaining = ExprFactory.Binary(BinaryOp.Add, ExprFactory.Binary(BinaryOp.Subtract, start, one), call.Args[2]);
        var length = ExprFactory.Case(
            [new WhenClause(ExprFactory.Binary(BinaryOp.Less, remaining, zero), zero), new WhenClause(beforeOne, remaining)],
            call.Args[2]);
        return [call.Args[0], clamped, length];
    }
}
