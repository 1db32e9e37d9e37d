using System.Collections.Frozen;
using Cwf.Ir;

namespace Cwf.Binding;

/// <summary>A calendar or clock unit of .cwf time expressions (<c>7 days</c>, <c>date_trunc('month', ts)</c>).</summary>
public enum TimeUnit
{
    Year,
    Quarter,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
}

/// <summary>
/// The names of the time units and what each means in the IR, which knows only months, days and
/// seconds for intervals (as PostgreSQL's interval does): a year is 12 months, a week 7 days, an hour
/// 3600 seconds. spec/language.md ("Time") lists them.
/// </summary>
public static class TimeUnits
{
    private static readonly FrozenDictionary<string, TimeUnit> ByName = new Dictionary<string, TimeUnit>
    {
        ["year"] = TimeUnit.Year, ["years"] = TimeUnit.Year,
        ["quarter"] = TimeUnit.Quarter, ["quarters"] = TimeUnit.Quarter,
        ["month"] = TimeUnit.Month, ["months"] = TimeUnit.Month,
        ["week"] = TimeUnit.Week, ["weeks"] = TimeUnit.Week,
        ["day"] = TimeUnit.Day, ["days"] = TimeUnit.Day,
        ["hour"] = TimeUnit.Hour, ["hours"] = TimeUnit.Hour,
        ["minute"] = TimeUnit.Minute, ["minutes"] = TimeUnit.Minute,
        ["second"] = TimeUnit.Second, ["seconds"] = TimeUnit.Second,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static TimeUnit? Parse(string name) => ByName.TryGetValue(name, out var unit) ? unit : null;

    /// <summary>The unit names for hints.</summary>
    public const string Names = "year, quarter, month, week, day, hour, minute, second";

    /// <summary>The IR function adding an interval of this unit, and how many of its units one of these is.</summary>
    public static (BuiltinFunction Add, long Factor) Addition(TimeUnit unit) => unit switch
    {
        TimeUnit.Year => (Functions.AddMonths, 12),
        TimeUnit.Quarter => (Functions.AddMonths, 3),
        TimeUnit.Month => (Functions.AddMonths, 1),
        TimeUnit.Week => (Functions.AddDays, 7),
        TimeUnit.Day => (Functions.AddDays, 1),
        TimeUnit.Hour => (Functions.AddSeconds, 3600),
        TimeUnit.Minute => (Functions.AddSeconds, 60),
        _ => (Functions.AddSeconds, 1),
    };

    /// <summary>The truncation to a unit (null for second: timestamps keep their fraction, which no warehouse truncates alike).</summary>
    public static BuiltinFunction? Truncation(TimeUnit unit) => unit switch
    {
        TimeUnit.Year => Functions.TruncYear,
        TimeUnit.Quarter => Functions.TruncQuarter,
        TimeUnit.Month => Functions.TruncMonth,
        TimeUnit.Week => Functions.TruncWeek,
        TimeUnit.Day => Functions.TruncDay,
        TimeUnit.Hour => Functions.TruncHour,
        TimeUnit.Minute => Functions.TruncMinute,
        _ => null,
    };

    /// <summary>The field a unit names in extract / date_part.</summary>
    public static BuiltinFunction Field(TimeUnit unit) => unit switch
    {
        TimeUnit.Year => Functions.Year,
        TimeUnit.Quarter => Functions.Quarter,
        TimeUnit.Month => Functions.Month,
        TimeUnit.Week => Functions.Week,
        TimeUnit.Day => Functions.Day,
        TimeUnit.Hour => Functions.Hour,
        TimeUnit.Minute => Functions.Minute,
        _ => Functions.Second,
    };
}
