using System.Text;

namespace Cwf.Benchmarks.Pipeline;

/// <summary>.cwf program texts of a given size, for benchmarks of the whole compiler.</summary>
public static class CwfPrograms
{
    private const string Source = "source t = table \"src.trips\" { id: int64, fare: float64, name: string, lat: float64, lon: float64 }\n";

    /// <summary>One pipeline of <paramref name="steps"/> steps cycling derive, filter and drop, then an output.</summary>
    public static string Chain(int steps)
    {
        var sb = new StringBuilder(Source).Append("let chain = t\n");
        for (int i = 0; i < steps; i++)
        {
            sb.Append((i % 3) switch
            {
                0 => $"  | derive extra = fare * {i + 1}\n",
                1 => $"  | filter extra > {i}\n",
                _ => "  | drop extra\n",
            });
        }
        return sb.Append("output chain -> table \"out.chain\" mode replace\n").ToString();
    }

    /// <summary><paramref name="branches"/> branches from one source (filter, point, buffer), unioned, grouped and written; every tenth also written alone.</summary>
    public static string Wide(int branches)
    {
        var sb = new StringBuilder(Source);
        for (int i = 0; i < branches; i++)
        {
            sb.Append($"let b{i} = t | filter fare > {i} | point lat = lat, lon = lon | buffer geom by {i + 1} m | select id, fare, geom_buffer\n");
            if (i % 10 == 0) sb.Append($"output b{i} -> table \"out.branch_{i}\"\n");
        }
        sb.Append("let all_branches = b0");
        if (branches > 1) sb.Append(" | union ").Append(string.Join(", ", Enumerable.Range(1, branches - 1).Select(i => $"b{i}")));
        return sb.Append("\n  | group by id { fare_sum: sum(fare) }\noutput all_branches -> table \"out.wide\"\n").ToString();
    }

    /// <summary>One pipeline of <paramref name="steps"/> steps cycling <c>fare := fare + i</c> (a column redefined in place), <c>filter fare &gt; lat</c> and <c>derive k</c>.</summary>
    public static string Redefined(int steps)
    {
        var sb = new StringBuilder(Source).Append("let chain = t\n");
        for (int i = 0; i < steps; i++)
        {
            sb.Append((i % 3) switch
            {
                0 => $"  | derive fare = fare + {i + 1}\n",
                1 => "  | filter fare > lat\n",
                _ => $"  | derive k = id * {i}\n",
            });
        }
        return sb.Append("output chain -> table \"out.chain\" mode replace\n").ToString();
    }

    /// <summary>
    /// One shared derive read by about <paramref name="steps"/> / 2 branches (a filter and a
    /// select of their own), unioned, grouped and written; every tenth branch also written alone.
    /// </summary>
    public static string FanOut(int steps)
    {
        int width = Math.Max(1, (steps - 4) / 2);
        var sb = new StringBuilder(Source).Append("let shared = t | derive x = fare * 2\n");
        for (int i = 0; i < width; i++)
        {
            sb.Append($"let b{i} = shared | filter x > {i} | select id, x * {i} as y\n");
            if (i % 10 == 0) sb.Append($"output b{i} -> table \"out.branch_{i}\"\n");
        }
        sb.Append("let all_branches = b0");
        if (width > 1) sb.Append(" | union ").Append(string.Join(", ", Enumerable.Range(1, width - 1).Select(i => $"b{i}")));
        return sb.Append("\n  | group by id { y_sum: sum(y) }\noutput all_branches -> table \"out.fanout\"\n").ToString();
    }

    /// <summary>
    /// Joins nested <paramref name="steps"/> / 3 deep: cycling a join of the running result with a
    /// small table on <c>id</c>, <c>fare := fare + rate_joined</c> and a select back to the
    /// source's columns; every tenth join reads a branch of the running result instead (a self-join).
    /// </summary>
    public static string Joins(int steps)
    {
        var sb = new StringBuilder(Source).Append("source r = table \"src.rates\" { id: int64, rate: float64 }\nlet j0 = t\n");
        int segment = 0;
        for (int i = 0, join = 0; i < steps; i++)
        {
            switch (i % 3)
            {
                case 0 when ++join % 10 == 0:
                    sb.Append($"let branch{segment + 1} = j{segment} | select id, fare as rate\n");
                    sb.Append($"let j{segment + 1} = j{segment}\n  | join branch{segment + 1} on id\n");
                    segment++;
                    i++;
                    break;
                case 0:
                    sb.Append("  | join r on id\n");
                    break;
                case 1:
                    sb.Append("  | derive fare = fare + rate_joined\n");
                    break;
                default:
                    sb.Append("  | select id, fare, name, lat, lon\n");
                    break;
            }
        }
        return sb.Append($"output j{segment} -> table \"out.joins\" mode replace\n").ToString();
    }

    /// <summary>One pipeline of <paramref name="steps"/> filters on one column, alternating <c>fare &gt; i</c> and <c>fare &lt; 1e9 - i</c>.</summary>
    public static string Filters(int steps)
    {
        var sb = new StringBuilder(Source).Append("let chain = t\n");
        for (int i = 0; i < steps; i++)
            sb.Append(i % 2 == 0 ? $"  | filter fare > {i}\n" : $"  | filter fare < {1_000_000_000 - i}\n");
        return sb.Append("output chain -> table \"out.filters\" mode replace\n").ToString();
    }

    /// <summary>The program of a shape (chain, redefined, wide, fanout, joins, filters) of about <paramref name="steps"/> steps.</summary>
    public static string ByName(string shape, int steps) => shape switch
    {
        "chain" => Chain(steps),
        "redefined" => Redefined(steps),
        "wide" => Wide(Math.Max(1, steps / 4)),
        "fanout" => FanOut(steps),
        "joins" => Joins(steps),
        "filters" => Filters(steps),
        _ => throw new ArgumentException($"no program shape named '{shape}'", nameof(shape)),
    };
}
