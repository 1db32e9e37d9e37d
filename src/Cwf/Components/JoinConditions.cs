using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components;

/// <summary>
/// The conditions of the join-like steps (join, spatial_join, spatial_filter): how .cwf writes the canvas
/// forms (<c>on col</c>, <c>on a = other.b</c>, <c>on within(a.geom, other.geom)</c>) and how they are read back.
/// </summary>
internal static class JoinConditions
{
    public static ExpressionSyntax StripParentheses(ExpressionSyntax e)
    {
        while (e is ParenthesizedSyntax p) e = p.Inner;
        return e;
    }

    /// <summary>A condition of one of the five canvas predicates over two column names, or null for any other condition.</summary>
    public static (CallSyntax Call, BuiltinFunction Function)? CanvasPredicate(ExpressionSyntax condition, JoinBinding join)
    {
        if (StripParentheses(condition) is not CallSyntax { Arguments: [NameSyntax, NameSyntax] } call) return null;
        if (join.Function(call) is not { } function) return null;
        return ComponentCatalog.SpatialPredicates.Any(p => Functions.SpatialPredicate(p) == function) ? (call, function) : null;
    }

    /// <summary>The predicate's columns: the first must come from the piped relation and the second from the other (contract 5a.2).</summary>
    public static (ColumnArg Main, ColumnArg Other)? PredicateColumns(CallSyntax call, BuiltinFunction function, JoinBinding join, StepBinding cx)
    {
        var first = join.Column((NameSyntax)call.Arguments[0], out int sideA);
        var second = join.Column((NameSyntax)call.Arguments[1], out int sideB);
        if (first is null || second is null) return null;
        if (sideA == 0 && sideB == 1) return (first, second);
        var mainName = join.MainName;
        string hint = sideA == 1 && sideB == 0
            ? Functions.SpatialPredicate(call.FunctionName) switch
            {
                var f when f == Functions.Within => $"swap them: contains({call.Arguments[1]}, {call.Arguments[0]}) means the same",
                var f when f == Functions.Contains => $"swap them: within({call.Arguments[1]}, {call.Arguments[0]}) means the same",
                var f when f == Functions.Intersects || f == Functions.Touches => $"swap them: {call.FunctionName}({call.Arguments[1]}, {call.Arguments[0]})",
                _ => $"write the column of {mainName} first",
            }
            : $"compare a column of {mainName} with a column of {join.OtherName}";
        cx.Diagnostics.Report(DiagnosticCodes.InvalidSpatialPredicate, cx.Locate(call),
            $"{function.Name}(a, b) needs a column of {mainName} first and a column of {join.OtherName} second", hint);
        return null;
    }

    /// <summary><c>predicate(piped.geo, other.geo)</c> from a canvas node, both sides qualified so that equal column names stay unambiguous.</summary>
    public static CallSyntax Predicate(ComponentDecompilingContext cx, string mainColumn, string otherColumn)
    {
        var (piped, other) = cx.JoinNames();
        return new CallSyntax(cx.Values.Selection("predicate")!,
            new NameSyntax(piped.Name, cx.Values.Column(mainColumn)!.Name), new NameSyntax(other.Name, cx.Values.Column(otherColumn)!.Name));
    }
}
