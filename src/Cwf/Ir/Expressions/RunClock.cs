namespace Cwf.Ir;

/// <summary>
/// The time of a run: <c>current_date</c> and <c>current_timestamp</c> fixed to one instant, so that a
/// compiled script with an override (<c>--now</c>) holds literals and the interpreter reads one clock
/// for the whole run (spec/language.md, "Time").
/// </summary>
public static class RunClock
{
    /// <summary>Whether the expression reads the clock of the run.</summary>
    public static bool ReadsClock(Call call) => call.Function == Functions.CurrentDate || call.Function == Functions.CurrentTimestamp;

    /// <summary>The value of a clock call at <paramref name="now"/> (UTC): the instant to the microsecond, or its date.</summary>
    public static Literal Value(Call call, DateTime now)
    {
        var instant = Truncated(now);
        return call.Function == Functions.CurrentDate ? Literal.Date(DateOnly.FromDateTime(instant)) : Literal.Timestamp(instant);
    }

    /// <summary>The workflow with every clock call replaced by its value at <paramref name="now"/>; the same instance when none reads the clock.</summary>
    public static Workflow Fixed(Workflow workflow, DateTime now)
    {
        bool changed = false;
        var nodes = workflow.Nodes.Select(node =>
        {
            var mapped = node.MapExpressions(e => Predicates.Rewrite(e, x => x is Call call && ReadsClock(call) ? Value(call, now) : x));
            changed |= !ReferenceEquals(mapped, node);
            return mapped;
        }).ToList();
        return changed ? workflow.WithNodes(nodes) : workflow;
    }

    // Warehouses keep microseconds; a UTC instant given with an offset is converted first.
    private static DateTime Truncated(DateTime now)
    {
        var utc = now.Kind == DateTimeKind.Local ? now.ToUniversalTime() : now;
        return new DateTime(utc.Ticks - utc.Ticks % 10, DateTimeKind.Unspecified);
    }
}
