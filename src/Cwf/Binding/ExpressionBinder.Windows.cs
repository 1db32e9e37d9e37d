using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Binding;

/// <summary>Window calls (<c>derive rn = row_number() over (partition by k order by t desc)</c>), spec/language.md "Window functions".</summary>
public sealed partial class ExpressionBinder
{
    /// <summary>A window column named <paramref name="name"/>; null after reporting why not.</summary>
    internal WindowCall? BindWindowCall(WindowCallSyntax syntax, string name) => Guarded(syntax, () => BindWindowCore(syntax, name));

    private WindowCall? BindWindowCore(WindowCallSyntax syntax, string name)
    {
        var call = syntax.Call;
        var written = FunctionCatalog.UnqualifiedName([.. call.Name.Select(n => n.Name)]);
        if (written is null || WindowFunctions.Find(written) is not { } function)
            return Rejected(DiagnosticCodes.NotAWindowFunction, call, $"'{call.FullName}' cannot be computed over a window",
                "window functions: row_number, rank, dense_rank, percent_rank, ntile, lag, lead, first_value, last_value, sum, avg, min, max, count");
        if (call.Distinct)
            return Rejected(DiagnosticCodes.InvalidWindowArgument, call, $"'distinct' is not supported in a window function", "deduplicate first, then compute the window");
        if (!call.OrderBy.IsEmpty)
            return Rejected(DiagnosticCodes.AggregateOrder, call.OrderBy[0].Expression, "a window function takes its order in over (order by ...)", $"{call.FunctionName}(...) over (order by ...)");

        var window = syntax.Window;
        bool ok = true;
        var partition = new List<Expr>();
        foreach (var key in window.PartitionBy)
        {
            var bound = Bind(key);
            if (bound is null) ok = false;
            else if (bound.Type == SqlType.Geography)
            {
                Report(DiagnosticCodes.InvalidWindowArgument, key, "a geography cannot be a partition key (geographies cannot be compared)", "partition by st_astext(geom), or by an id column");
                ok = false;
            }
            else partition.Add(bound);
        }
        var order = BindWindowKeys(window.OrderBy);
        ok &= order is not null;

        if (function == WindowFunction.Count && (call.Arguments.Count == 0 || call.Arguments is [StarSyntax])) function = WindowFunction.CountAll;
        var arguments = BindWindowArguments(call, function);
        if (!ok || arguments is null) return null;

        var fname = function.Name();
        if (function.IsPositional() && order!.Value.IsEmpty)
            return Rejected(DiagnosticCodes.WindowNeedsOrder, syntax, $"{fname} needs an order: over (... order by column)",
                "without an order the rows of a partition have no positions");
        if (window.Frame is { } frame)
        {
            if (function.IsPositional())
                return Rejected(DiagnosticCodes.InvalidWindowFrame, window, $"{fname} takes no frame: it reads the row's position in the partition", "remove 'rows between ...'");
            if (order!.Value.IsEmpty)
                return Rejected(DiagnosticCodes.InvalidWindowFrame, window, "a frame needs an order: over (... order by column rows between ...)",
                    "without an order the rows of a frame are not defined");
            if (!frame.IsValid)
                return Rejected(DiagnosticCodes.InvalidWindowFrame, window, $"the frame '{frame}' starts after it ends",
                    "write the earlier bound first: rows between 2 preceding and current row (a frame from the current row cannot end before it, even by 0 rows)");
        }
        return new WindowCall(name, function, [.. arguments], [.. partition], order!.Value, window.Frame);
    }

    /// <summary>Order keys (no geography: it cannot be compared); null after reporting why not.</summary>
    internal Seq<WindowKey>? BindWindowKeys(Seq<WindowKeySyntax> keys)
    {
        var order = new List<WindowKey>();
        bool ok = true;
        foreach (var key in keys)
        {
            var bound = Guarded(key.Expression, () => Bind(key.Expression));
            if (bound is null) ok = false;
            else if (bound.Type == SqlType.Geography)
            {
                Report(DiagnosticCodes.InvalidWindowArgument, key.Expression, "a geography cannot be an order key (geographies cannot be compared)", "order by another column");
                ok = false;
            }
            else order.Add(new WindowKey(bound, key.Descending, key.NullsFirst));
        }
        return ok ? order.ToSeq() : null;
    }

    /// <summary>The arguments as the IR keeps them (lag and lead always with their offset); null after reporting why not.</summary>
    private List<Expr>? BindWindowArguments(CallSyntax call, WindowFunction function)
    {
        var fname = function.Name();
        var (min, max) = function switch
        {
            WindowFunction.RowNumber or WindowFunction.Rank or WindowFunction.DenseRank or WindowFunction.PercentRank or WindowFunction.CountAll => (0, 0),
            WindowFunction.Lag or WindowFunction.Lead => (1, 3),
            _ => (1, 1),
        };
        if (function == WindowFunction.CountAll) return [];
        if (call.Arguments.Count < min || call.Arguments.Count > max)
        {
            string expected = min == max ? $"{min}" : $"{min} to {max}";
            Fail(DiagnosticCodes.WrongArgumentCount, call, $"{fname} takes {expected} argument{(expected == "1" ? "" : "s")} over a window, but {call.Arguments.Count} {(call.Arguments.Count == 1 ? "was" : "were")} given",
                function is WindowFunction.Lag or WindowFunction.Lead ? $"{fname}(value[, offset[, default]])" : "");
            return null;
        }
        var args = new List<Expr>();
        foreach (var argument in call.Arguments)
        {
            if (Bind(argument) is not { } bound) return null;
            args.Add(bound);
        }
        if (args.Count == 0) return args;
        var value = args[0];
        switch (function)
        {
            case WindowFunction.Ntile:
                if (value is not Literal { Value: long buckets } || buckets < 1)
                    return FailArguments(call.Arguments[0], "ntile takes the number of buckets, a whole number of at least 1", "ntile(4)");
                return args;
            case WindowFunction.Sum or WindowFunction.Avg when !(value.Type.IsNumeric() || value.Type == SqlType.Unknown):
                return FailArguments(call.Arguments[0], $"{fname} needs a number, but this is {value.Type.Name()}", "count(x) counts values of any type");
            case WindowFunction.Min or WindowFunction.Max when value.Type == SqlType.Geography:
                return FailArguments(call.Arguments[0], $"{fname} cannot be applied to a geography value", "use first_value or last_value, or an id column");
            case WindowFunction.Lag or WindowFunction.Lead:
                if (args.Count == 1) args.Add(Literal.Int(1));
                else if (args[1] is not Literal { Value: long offset } || offset < 0)
                    return FailArguments(call.Arguments[1], $"the offset of {fname} must be a whole number of at least 0", $"{fname}(value, 1)");
                if (args.Count == 3)
                {
                    var common = SqlTypeFacts.CommonType(value.Type, args[2].Type);
                    if (common is null || common == SqlType.Geography && value.Type != args[2].Type)
                        return FailArguments(call.Arguments[2], $"the default of {fname} must have the value's type ({value.Type.Name()}), but this is {args[2].Type.Name()}", "cast it to the value's type");
                    args[0] = ExprFactory.Cast(value, common.Value);
                    args[2] = args[2] is Literal { Value: null } ? Literal.Null(common.Value) : ExprFactory.Cast(args[2], common.Value);
                }
                return args;
        }
        return args;
    }

    private WindowCall? Rejected(DiagnosticDescriptor descriptor, SyntaxNode site, string message, params string[] hints)
    {
        Report(descriptor, site, message, hints);
        return null;
    }

    private List<Expr>? FailArguments(SyntaxNode site, string message, string hint)
    {
        Report(DiagnosticCodes.InvalidWindowArgument, site, message, hint);
        return null;
    }
}
