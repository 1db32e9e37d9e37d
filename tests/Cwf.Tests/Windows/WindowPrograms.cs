using Cwf.Emit;
using Cwf.Ir;
using static Cwf.Tests.Binding.Compilation;

namespace Cwf.Tests.Windows;

/// <summary>
/// A program with every window function, a filter on a window column, take per group and distinct
/// on, over <see cref="WindowData.Readings"/>. Every window is ordered by a key that is unique in its
/// partition, or computes a value that ties cannot change, so every engine must give the same rows.
/// </summary>
internal static class WindowPrograms
{
    /// <param name="offsetDefaults">Whether lag is written with a default (Redshift's LAG takes none: CWF6400).</param>
    public static string Everything(bool offsetDefaults = true) => $$"""
        {{WindowData.Source}}

        let ranked = readings
          | derive rn = row_number() over (partition by sensor_id order by seq desc),
              r = rank() over (partition by sensor_id order by value desc nulls first),
              d = dense_rank() over (partition by sensor_id order by value),
              p = percent_rank() over (partition by sensor_id order by value),
              t = ntile(3) over (partition by sensor_id order by seq),
              prev = {{(offsetDefaults ? "lag(value, 1, -1.0)" : "lag(value)")}} over (partition by sensor_id order by seq),
              next = lead(label, 2) over (partition by sensor_id order by seq),
              first = first_value(label) over (partition by sensor_id order by seq),
              last = last_value(label) over (partition by sensor_id order by seq rows between unbounded preceding and unbounded following),
              running = sum(value) over (partition by sensor_id order by seq rows between unbounded preceding and current row),
              moving = avg(value) over (partition by sensor_id order by seq rows between 1 preceding and 1 following),
              lo = min(label) over (partition by sensor_id),
              hi = max(value) over (partition by sensor_id),
              n = count() over (partition by sensor_id),
              nv = count(value) over (partition by sensor_id order by seq rows between 2 preceding and current row),
              total = sum(seq) over ()

        let latest = readings
          | derive rn = row_number() over (partition by sensor_id order by seq desc)
          | filter rn = 1 or value > 15
          | select sensor_id, seq, value

        let top = readings | take 2 per sensor_id by value desc nulls first
        let firsts = readings | distinct on (sensor_id) by seq desc

        output ranked -> table "out.ranked"
        output latest -> table "out.latest"
        output top -> table "out.top"
        output firsts -> table "out.firsts"
        """;

    public static Workflow Workflow(Dialect? dialect = null) => Ok(Everything(dialect?.Name != "redshift"));
}
