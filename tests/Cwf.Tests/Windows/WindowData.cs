using Cwf.Interpretation;
using Cwf.Ir;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Windows;

/// <summary>Readings with ties, NULL values and a NULL partition key, and the program text that reads them.</summary>
internal static class WindowData
{
    public const string Source = """source readings = table "src.readings" { sensor_id: int64, seq: int64 not null, value: float64, label: string }""";

    /// <summary>sensor 1: values 10, 20, 20, NULL by seq; sensor 2: 5, NULL; sensor NULL: 7.</summary>
    public static TestTable Readings() => TestTable.Create("src.readings", "sensor_id int64, seq int64, value float64, label string",
        [1L, 1L, 10.0, "a"],
        [1L, 2L, 20.0, "b"],
        [1L, 3L, 20.0, "c"],
        [1L, 4L, null, "d"],
        [2L, 1L, 5.0, "e"],
        [2L, 2L, null, "f"],
        [null, 1L, 7.0, "g"]);

    public static Database Database(params TestTable[] tables) =>
        tables.Aggregate(Cwf.Interpretation.Database.Empty, (db, t) => db.With(t.Name, new Table(t.Schema, t.TypedRows())));

    /// <summary>A program over the readings: the source, one let <c>result</c> with <paramref name="steps"/>, written to out.result.</summary>
    public static string Program(string steps) => $"""
        {Source}
        let result = readings
          {steps}
        output result -> table "out.result"
        """;
}
