using Cwf.Diagnostics;

namespace Cwf.Interpretation.Evaluation;

internal enum TruncationUnit
{
    Year,
    Quarter,
    Month,
    Week,
    Day,
    Hour,
    Minute,
}

/// <summary>
/// Date arithmetic as PostgreSQL and DuckDB do it: adding months keeps the day of the month, clamped
/// to the month's last day (Jan 31 + 1 month = Feb 28, or Feb 29 in a leap year); weeks start on
/// Monday (ISO 8601); a result outside years 1-9999 is an overflow error (CWF7002).
/// </summary>
internal static class Calendar
{
    public static object AddMonths(object value, long months) => Guarded(() => value switch
    {
        DateOnly d => (object)d.AddMonths(checked((int)months)),
        DateTime t => t.AddMonths(checked((int)months)),
        _ => throw new InvalidOperationException($"add_months of {value.GetType().Name}"),
    });

    public static object AddDays(object value, long days) => Guarded(() => value switch
    {
        DateOnly d => (object)d.AddDays(checked((int)days)),
        DateTime t => t.AddDays(days),
        _ => throw new InvalidOperationException($"add_days of {value.GetType().Name}"),
    });

    public static object AddSeconds(DateTime value, long seconds) => Guarded(() => value.AddTicks(checked(seconds * TimeSpan.TicksPerSecond)));

    /// <summary>Days since 0001-01-01 of the value's date (a timestamp's time of day is dropped).</summary>
    public static int DayNumber(object value) => value switch
    {
        DateOnly d => d.DayNumber,
        DateTime t => DateOnly.FromDateTime(t).DayNumber,
        _ => throw new InvalidOperationException($"date of {value.GetType().Name}"),
    };

    /// <summary>The first instant of the unit holding the value, of the value's type.</summary>
    public static object Truncate(object value, TruncationUnit unit)
    {
        var t = value is DateOnly d ? d.ToDateTime(TimeOnly.MinValue) : (DateTime)value;
        var truncated = unit switch
        {
            TruncationUnit.Year => new DateTime(t.Year, 1, 1),
            TruncationUnit.Quarter => new DateTime(t.Year, (t.Month - 1) / 3 * 3 + 1, 1),
            TruncationUnit.Month => new DateTime(t.Year, t.Month, 1),
            // The Monday on or before; 0001-01-01 is a Monday, so no week starts before it.
            TruncationUnit.Week => t.Date.AddDays(-(((int)t.DayOfWeek + 6) % 7)),
            TruncationUnit.Day => t.Date,
            TruncationUnit.Hour => new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0),
            _ => new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0),
        };
        return value is DateOnly ? DateOnly.FromDateTime(truncated) : truncated;
    }

    private static object Guarded(Func<object> operation)
    {
        try
        {
            return operation();
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            throw new InterpretationException(DiagnosticCodes.RuntimeOverflow, "date out of range: the result is outside the years 1 to 9999");
        }
    }
}
