using Cwf.Ir;
using Cwf.Tests.Binding;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Time;

/// <summary>A workflow over the edge cases of date arithmetic (month ends, leap days, weeks, day boundaries) and its expected results.</summary>
internal static class TimeSamples
{
    public const string Program = """
        workflow "time edges"
        source moments = table "t.moments" { id: int64, d: date, ts: timestamp, later: timestamp }
        output moments
          | derive plus_month = d + 1 month, minus_month = d - 1 month, plus_year = d + 1 year, plus_week = d + 2 weeks,
                   ts_plus_month = ts + 1 month, ts_minus_hours = ts - 36 hours, ts_plus_seconds = ts + 61 seconds, d_plus_minutes = d + 90 minutes,
                   wk = date_trunc('week', d), ts_wk = date_trunc('week', ts), qt = date_trunc('quarter', d), yr = date_trunc(ts, year),
                   hr = date_trunc('hour', ts), mi = date_trunc('minute', ts), dd = date_trunc('day', ts),
                   days = date_diff('day', ts, later), months = date_diff('month', d, later), years = date_diff('year', d, later),
                   weeks = date_diff('week', d, later), quarters = date_diff('quarter', d, later), hours = date_diff('hour', ts, later),
                   minutes = date_diff('minute', ts, later), seconds = date_diff('second', ts, later),
                   dow = extract(isodow from d), doy = date_part('doy', d), iso_week = extract(week from d), q = extract(quarter from d),
                   h = extract(hour from ts), m = extract(minute from ts), s = extract(second from ts)
          -> table "t.edges"
        """;

    public static Workflow Workflow() => Compilation.Ok(Program);

    public static TestTable Moments() => TestTable.Create("t.moments", "id int64, d date, ts timestamp, later timestamp",
        // Jan 31 of a leap year; the Sunday before the ISO week 1 of 2025.
        [1L, new DateOnly(2024, 1, 31), new DateTime(2024, 1, 31, 23, 59, 59, 500), new DateTime(2024, 3, 1, 0, 0, 1)],
        // Feb 29 (leap day) + 1 year; a Sunday.
        [2L, new DateOnly(2024, 2, 29), new DateTime(2024, 2, 29, 12, 0, 0), new DateTime(2025, 2, 28, 11, 59, 0)],
        // Mar 31 - 1 month = Feb 28 (not a leap year); Dec 31 to Jan 1 crosses a year.
        [3L, new DateOnly(2023, 3, 31), new DateTime(2023, 12, 31, 23, 0, 0), new DateTime(2024, 1, 1, 1, 30, 15)],
        // A Sunday (ISO day 7) and a later time earlier than the start (negative differences).
        [4L, new DateOnly(2026, 12, 6), new DateTime(2026, 12, 6, 10, 15, 30), new DateTime(2026, 11, 30, 9, 0, 0)],
        [5L, null, null, null]);
}
