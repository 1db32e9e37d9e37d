using System.Text;
using Cwf.Emit;
using Cwf.Ir;
using Cwf.Tests.Snapshots;

namespace Cwf.Tests.Emit;

/// <summary>The SQL of each representative workflow in every dialect and emit mode, with its diagnostics, as reviewed snapshots.</summary>
public class EmitSnapshotTests
{
    /// <summary>The samples, each as built for a dialect (the spatial one leaves out the functions the dialect cannot compute).</summary>
    public static readonly IReadOnlyDictionary<string, Func<Dialect, Workflow>> Samples = new Dictionary<string, Func<Dialect, Workflow>>
    {
        ["relational"] = _ => EmitSamples.Relational(),
        ["spatial"] = dialect => EmitSamples.Spatial(dialect: dialect),
        ["custom"] = _ => EmitSamples.CustomAndParameters(),
        ["windows"] = dialect => Windows.WindowPrograms.Workflow(dialect),
        ["neighbours"] = _ => Neighbours(),
        ["checks"] = _ => Checked(),
    };

    /// <summary>Every kind of data check, on a let read through a temporary table and on an output (spec/language.md "Data checks").</summary>
    private static Workflow Checked() => Binding.Compilation.Ok("""
        param min_amount: float64 = 0
        source orders = table "shop.orders" { order_id: int64 not null, customer_id: int64, status: string, amount: float64 }
        let valid = orders | filter amount >= @min_amount
        output valid -> table "shop.valid_orders"
        output valid | group by customer_id { total: sum(amount) } -> table "shop.customer_totals"
        assert valid unique(order_id)
        assert valid not_null(order_id, customer_id)
        assert table "shop.customer_totals" rows between 1 and 1000000
        assert valid accepted_values(status, ['open', 'closed'])
        assert valid expression amount < 1000000
        """);

    /// <summary>A left spatial join and nearest neighbours with and without a bound (the PostgreSQL script plans them through indexes).</summary>
    private static Workflow Neighbours() => Binding.Compilation.Ok("""
        source parcels = table "geo.parcels" { parcel_id: int64, geom: geography }
        source stations = table "geo.stations" { station_id: int64, name: string, geom: geography }
        output parcels | left spatial_join stations on intersects(parcels.geom, stations.geom) -> table "out.parcel_stations"
        output parcels | nearest 2 from stations within 5 km as meters -> table "out.nearest_bounded"
        output parcels | nearest 1 from stations -> table "out.nearest"
        """, allowWarnings: true);

    public static TheoryData<string, string, EmitMode> Cases()
    {
        var data = new TheoryData<string, string, EmitMode>();
        foreach (var sample in Samples.Keys)
            foreach (var dialect in Dialects.Names)
                foreach (var mode in Enum.GetValues<EmitMode>())
                    data.Add(sample, dialect, mode);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Emits(string sample, string dialectName, EmitMode mode)
    {
        var dialect = Dialects.Find(dialectName)!;
        var result = SqlEmitter.Emit(Samples[sample](dialect), dialect, new EmitOptions { Mode = mode });
        Snapshot.Match(Render(result), $"{sample}/{dialectName}.{mode.ToString().ToLowerInvariant()}", "sql");
    }

    /// <summary>The SQL, then the diagnostics as SQL comments, so a snapshot shows both.</summary>
    public static string Render(EmitResult result)
    {
        var sb = new StringBuilder(result.Sql ?? "-- (no SQL: emission failed)\n");
        if (!result.Diagnostics.IsEmpty)
        {
            sb.Append("\n-- Diagnostics:\n");
            foreach (var d in result.Diagnostics)
            {
                sb.Append("--   ").Append(d.Severity.ToString().ToLowerInvariant()).Append(' ').Append(d.Code).Append(": ").Append(d.Message).Append('\n');
                foreach (var hint in d.Hints) sb.Append("--     hint: ").Append(hint).Append('\n');
            }
        }
        return sb.ToString();
    }
}
