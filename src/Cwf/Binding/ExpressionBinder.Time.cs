using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Binding;

// Time expressions: intervals in date arithmetic (ts - 7 days), date_add / date_sub / date_diff /
// date_trunc / date_part with a unit, current_date and current_timestamp (spec/language.md, "Time").
public sealed partial class ExpressionBinder
{
    /// <summary>Whether a syntax is an interval: a number or parameter with a time unit (<c>7 days</c>, <c>@n hours</c>).</summary>
    private static bool IsInterval(ExpressionSyntax syntax) =>
        Unparenthesized(syntax) is QuantitySyntax q && TimeUnits.Parse(q.Unit) is not null;

    private const string IntervalHint = "an interval is added to or subtracted from a date or timestamp: ts - 7 days, d + 1 month";

    /// <summary>An interval anywhere but next to + or - with a date or timestamp: CWF2500.</summary>
    private Expr? MisplacedInterval(QuantitySyntax quantity) =>
        Fail(DiagnosticCodes.IntervalMisplaced, quantity, $"the interval '{Text(quantity)}' is not added to a date or timestamp", IntervalHint);

    /// <summary><c>x + 7 days</c>, <c>7 days + x</c>, <c>x - 1 month</c> as add_months / add_days / add_seconds.</summary>
    private Expr? BindDateArithmetic(BinarySyntax binary)
    {
        bool leftInterval = IsInterval(binary.Left), rightInterval = IsInterval(binary.Right);
        if (leftInterval && rightInterval)
            return Fail(DiagnosticCodes.IntervalMisplaced, binary, "two intervals cannot be added to each other", "add each to the date: d + 1 month + 2 days");
        if (leftInterval && binary.Operator == BinaryOperator.Subtract)
            return Fail(DiagnosticCodes.IntervalMisplaced, binary, "an interval cannot have a date subtracted from it", $"subtract the interval from the date: {Text(binary.Right)} - {Text(binary.Left)}");
        var (temporalSyntax, intervalSyntax) = leftInterval ? (binary.Right, binary.Left) : (binary.Left, binary.Right);
        var temporal = Bind(temporalSyntax);
        if (temporal is null) return null;
        if (!temporal.Type.IsTemporal() && temporal.Type != SqlType.Unknown)
            return Fail(DiagnosticCodes.OperatorTypeMismatch, binary, $"an interval is added to a date or timestamp, but this is {temporal.Type.Name()}", IntervalHint);
        return AddInterval(temporal, (QuantitySyntax)Unparenthesized(intervalSyntax), negate: binary.Operator == BinaryOperator.Subtract);
    }

    /// <summary>The temporal value moved by the interval (backwards when <paramref name="negate"/>).</summary>
    private Expr? AddInterval(Expr temporal, QuantitySyntax interval, bool negate)
    {
        var unit = TimeUnits.Parse(interval.Unit)!.Value;
        var count = Bind(interval.Value);
        if (count is null) return null;
        if (count.Type is not (SqlType.Int64 or SqlType.Unknown))
            return Fail(DiagnosticCodes.TypeMismatch, interval.Value, $"an interval counts whole {unit.ToString().ToLowerInvariant()}s, but this is {count.Type.Name()}",
                "write a whole number, or a smaller unit: 90 minutes rather than 1.5 hours");
        var (add, factor) = TimeUnits.Addition(unit);
        if (negate) factor = -factor;
        Expr amount;
        if (count is Literal { Value: long n })
        {
            long scaled;
            try { scaled = checked(n * factor); }
            catch (OverflowException) { return Fail(DiagnosticCodes.InvalidNumber, interval, $"the interval '{Text(interval)}' is too long"); }
            amount = Literal.Int(scaled);
        }
        else amount = factor == 1 ? count : ExprFactory.Binary(BinaryOp.Multiply, count, Literal.Int(factor));
        var moved = add == Functions.AddSeconds ? ExprFactory.Cast(temporal, SqlType.Timestamp) : temporal;
        return ExprFactory.Call(add, moved, amount);
    }

    /// <summary>The time functions that take a unit or an interval, bound here rather than through the function catalog.</summary>
    private static bool IsTimeForm(string name) => name.ToLowerInvariant() is
        "date_add" or "date_sub" or "dateadd" or "date_diff" or "datediff" or "date_trunc" or "date_part" or "datepart" or "dow" or "dayofweek";

    private Expr? BindTimeForm(CallSyntax call, string name) => name.ToLowerInvariant() switch
    {
        "date_add" or "date_sub" => BindDateAdd(call, negate: name.Equals("date_sub", StringComparison.OrdinalIgnoreCase)),
        "dateadd" => BindDateAddByUnit(call),
        "date_diff" or "datediff" => BindDateDiff(call),
        "date_trunc" => BindDateTrunc(call),
        "date_part" or "datepart" => BindDatePart(call),
        _ => Fail(DiagnosticCodes.AmbiguousDayOfWeek, call, $"'{call.FullName}' numbers the days differently on each warehouse (Sunday is 0 on PostgreSQL, 1 on BigQuery, 7 in ISO)",
            "use isodow (extract(isodow from d), day_of_week(d)): 1 Monday ... 7 Sunday on every warehouse"),
    };

    // date_add(x, 7 days), date_sub(x, 1 month): BigQuery's and DuckDB's order, with a .cwf interval.
    private Expr? BindDateAdd(CallSyntax call, bool negate)
    {
        if (call.Arguments.Count != 2 || !IsInterval(call.Arguments[1]))
            return Fail(DiagnosticCodes.WrongArgumentCount, call, $"{call.FullName} takes a date or timestamp and an interval: {call.FullName}(ts, 7 days)");
        var temporal = BindTemporal(call, call.Arguments[0]);
        return temporal is null ? null : AddInterval(temporal, (QuantitySyntax)Unparenthesized(call.Arguments[1]), negate);
    }

    // dateadd(day, n, x), dateadd('day', n, x): Snowflake's and Redshift's order.
    private Expr? BindDateAddByUnit(CallSyntax call)
    {
        if (call.Arguments.Count != 3)
            return Fail(DiagnosticCodes.WrongArgumentCount, call, $"{call.FullName} takes a unit, a count and a date or timestamp: {call.FullName}('day', 7, ts)");
        if (UnitArgument(call.Arguments[0]) is not { } unitSyntax) return null;
        var temporal = BindTemporal(call, call.Arguments[2]);
        return temporal is null ? null : AddInterval(temporal, new QuantitySyntax(call.Arguments[1], unitSyntax) { Span = call.Span }, negate: false);
    }

    // date_diff('day', start, end) (Snowflake, Redshift, DuckDB order) or date_diff(end, start, day) (BigQuery order):
    // the number of unit boundaries crossed from start to end.
    private Expr? BindDateDiff(CallSyntax call)
    {
        if (call.Arguments.Count != 3)
            return Fail(DiagnosticCodes.WrongArgumentCount, call, $"{call.FullName} takes a unit, a start and an end: {call.FullName}('day', start, end)");
        bool unitLast = !LooksLikeUnit(call.Arguments[0]) && LooksLikeUnit(call.Arguments[2]);
        var (unitArg, startArg, endArg) = unitLast ? (call.Arguments[2], call.Arguments[1], call.Arguments[0]) : (call.Arguments[0], call.Arguments[1], call.Arguments[2]);
        if (UnitArgument(unitArg) is not { } unitName) return null;
        var start = BindTemporal(call, startArg);
        var end = BindTemporal(call, endArg);
        if (start is null || end is null) return null;
        return DateDiff(TimeUnits.Parse(unitName)!.Value, start, end);
    }

    /// <summary>Boundaries crossed, composed from the calendar fields so that every warehouse counts alike.</summary>
    private static Expr DateDiff(TimeUnit unit, Expr start, Expr end)
    {
        Expr Field(BuiltinFunction f, Expr x) => ExprFactory.Call(f, f.Parameters[0] == ArgKind.Timestamp ? ExprFactory.Cast(x, SqlType.Timestamp) : x);
        Expr Minus(Expr a, Expr b) => ExprFactory.Binary(BinaryOp.Subtract, a, b);
        Expr Plus(Expr a, Expr b) => ExprFactory.Binary(BinaryOp.Add, a, b);
        Expr Times(Expr a, long k) => ExprFactory.Binary(BinaryOp.Multiply, a, Literal.Int(k));
        Expr FieldDiff(BuiltinFunction f) => Minus(Field(f, end), Field(f, start));
        Expr Years() => FieldDiff(Functions.Year);
        Expr Days() => ExprFactory.Call(Functions.DateDiffDays, start, end);
        return unit switch
        {
            TimeUnit.Year => Years(),
            TimeUnit.Quarter => Plus(Times(Years(), 4), FieldDiff(Functions.Quarter)),
            TimeUnit.Month => Plus(Times(Years(), 12), FieldDiff(Functions.Month)),
            // Whole weeks between the Mondays: a multiple of 7, so the division is exact.
            TimeUnit.Week => ExprFactory.Cast(ExprFactory.Binary(BinaryOp.Divide,
                ExprFactory.Call(Functions.DateDiffDays, ExprFactory.Call(Functions.TruncWeek, start), ExprFactory.Call(Functions.TruncWeek, end)), Literal.Int(7)), SqlType.Int64),
            TimeUnit.Day => Days(),
            TimeUnit.Hour => Plus(Times(Days(), 24), FieldDiff(Functions.Hour)),
            TimeUnit.Minute => Plus(Times(Plus(Times(Days(), 24), FieldDiff(Functions.Hour)), 60), FieldDiff(Functions.Minute)),
            _ => Plus(Times(Plus(Times(Plus(Times(Days(), 24), FieldDiff(Functions.Hour)), 60), FieldDiff(Functions.Minute)), 60), FieldDiff(Functions.Second)),
        };
    }

    // date_trunc('month', x) (PostgreSQL order) or date_trunc(x, month) (BigQuery order).
    private Expr? BindDateTrunc(CallSyntax call)
    {
        if (call.Arguments.Count != 2)
            return Fail(DiagnosticCodes.WrongArgumentCount, call, $"{call.FullName} takes a unit and a date or timestamp: {call.FullName}('month', ts)");
        bool unitLast = !LooksLikeUnit(call.Arguments[0]) && LooksLikeUnit(call.Arguments[1]);
        var (unitArg, valueArg) = unitLast ? (call.Arguments[1], call.Arguments[0]) : (call.Arguments[0], call.Arguments[1]);
        if (UnitArgument(unitArg) is not { } unitName) return null;
        var value = BindTemporal(call, valueArg);
        if (value is null) return null;
        var unit = TimeUnits.Parse(unitName)!.Value;
        if (TimeUnits.Truncation(unit) is not { } trunc)
            return Fail(DiagnosticCodes.UnknownTimeUnit, unitArg, "date_trunc does not truncate to seconds", "units: year, quarter, month, week, day, hour, minute");
        // A date is its own day, hour and minute.
        if (value.Type == SqlType.Date && trunc.Parameters[0] == ArgKind.Timestamp) return value;
        return ExprFactory.Call(trunc, value);
    }

    // date_part('hour', x): the field, as extract(hour from x).
    private Expr? BindDatePart(CallSyntax call)
    {
        if (call.Arguments.Count != 2)
            return Fail(DiagnosticCodes.WrongArgumentCount, call, $"{call.FullName} takes a field and a date or timestamp: {call.FullName}('hour', ts)");
        var fieldName = UnitText(call.Arguments[0]);
        if (fieldName is not null && fieldName.ToLowerInvariant() is "dow" or "dayofweek")
            return BindTimeForm(call, "dow");
        var field = fieldName is null ? null : TimeUnits.Parse(fieldName) is { } unit ? TimeUnits.Field(unit) : ExtraField(fieldName);
        if (field is null)
            return Fail(DiagnosticCodes.UnknownTimeUnit, call.Arguments[0], fieldName is null ? "the field must be written as a word or a string: 'hour'" : $"unknown field '{fieldName}'",
                "fields: " + TimeUnits.Names + ", isodow, doy");
        var value = BindTemporal(call, call.Arguments[1]);
        if (value is null) return null;
        return ExprFactory.Call(field, field.Parameters[0] == ArgKind.Timestamp ? ExprFactory.Cast(value, SqlType.Timestamp) : value);
    }

    /// <summary>A field written with one of the catalog's names for it (<c>isodow</c>, <c>doy</c>).</summary>
    private static BuiltinFunction? ExtraField(string name) =>
        FunctionCatalog.Find(name) is [{ Category: FunctionCategory.Date, MinArgs: 1, FixedType: SqlType.Int64 } f] ? f : null;

    /// <summary>A date or timestamp argument (CWF2007 otherwise).</summary>
    private Expr? BindTemporal(CallSyntax call, ExpressionSyntax syntax)
    {
        var value = Bind(syntax);
        if (value is null || value.Type.IsTemporal() || value.Type == SqlType.Unknown) return value;
        return Fail(DiagnosticCodes.WrongArgumentType, syntax, $"{call.FullName} needs a date or timestamp here, but this is {value.Type.Name()}",
            "cast text to a date: cast(x as date)");
    }

    /// <summary>A unit as written: a string (<c>'day'</c>) or a plain word (<c>day</c>, as Snowflake writes it).</summary>
    private static string? UnitText(ExpressionSyntax syntax) => Unparenthesized(syntax) switch
    {
        LiteralSyntax { Kind: LiteralKind.String } l => l.Text,
        NameSyntax { Parts.Count: 1 } n => n.Name,
        _ => null,
    };

    private static bool LooksLikeUnit(ExpressionSyntax syntax) => UnitText(syntax) is { } text && TimeUnits.Parse(text) is not null;

    /// <summary>The unit name of a unit argument, or null after CWF2501.</summary>
    private string? UnitArgument(ExpressionSyntax syntax)
    {
        var text = UnitText(syntax);
        if (text is not null && TimeUnits.Parse(text) is not null) return text;
        Report(DiagnosticCodes.UnknownTimeUnit, syntax, text is null ? "the unit must be written as a word or a string: 'day'" : $"unknown time unit '{text}'",
            text is null ? "" : NameSuggestions.DidYouMean(text, TimeUnits.Names.Split(", ")), "units: " + TimeUnits.Names);
        return null;
    }

    /// <summary><c>current_date</c> and <c>current_timestamp</c> written without parentheses, as SQL writes them (a column of that name wins).</summary>
    private static BuiltinFunction? CurrentTime(string name) =>
        name.Equals("current_date", StringComparison.OrdinalIgnoreCase) ? Functions.CurrentDate
        : name.Equals("current_timestamp", StringComparison.OrdinalIgnoreCase) ? Functions.CurrentTimestamp
        : null;
}
