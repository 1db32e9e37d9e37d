using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Interpretation.Evaluation;

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

    /// <summary>The first instant of the unit holding the value, of the value's type; <paramref name="truncation"/> is one of the date_trunc functions.</summary>
    public static object Truncate(object value, BuiltinFunction truncation)
    {
        var t = value is DateOnly d ? d.ToDateTime(TimeOnly.MinValue) : (DateTime)value;
        DateTime truncated = truncation.Name switch
        {
            "date_trunc_year" => new DateTime(t.Year, 1, 1),
            "date_trunc_quarter" => new DateTime(t.Year, (t.Month - 1) / 3 * 3 + 1, 1),
            "date_trunc_month" => new DateTime(t.Year, t.Month, 1),
            // The Monday on or before; 0001-01-01 is a Monday, so no week starts before it.
            "date_trunc_week" => t.Date.AddDays(-(((int)t.DayOfWeek + 6) % 7)),
            "date_trunc_day" => t.Date,
            "date_trunc_hour" => new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0),
            "date_trunc_minute" => new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0),
            _ => throw new InvalidOperationException($"{truncation.Name} is not a truncation"),
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
