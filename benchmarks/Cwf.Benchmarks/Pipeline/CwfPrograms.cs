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
}
