using Cwf.Interpretation;
using Cwf.Tests.Interpretation;
using static Cwf.Tests.Binding.Compilation;

namespace Cwf.Tests.Windows;

/// <summary>Window columns as the interpreter computes them, checked by hand against PostgreSQL's rules.</summary>
public class WindowInterpreterTests
{
    /// <summary>The column <paramref name="column"/> of out.result, by (sensor_id, seq).</summary>
    private static Dictionary<(long?, long), object?> Column(string steps, string column)
    {
        var workflow = Ok(WindowData.Program(steps));
        var result = Harness.Run(workflow, WindowData.Database(WindowData.Readings()));
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        var table = result.Outputs.Find(Cwf.Ir.TableName.TryParse("out.result")!)!;
        int sensor = table.Schema.IndexOf("sensor_id"), seq = table.Schema.IndexOf("seq"), value = table.Schema.IndexOf(column);
        return table.Rows.ToDictionary(r => ((long?)r[sensor], (long)r[seq]!), r => r[value]);
    }

    private static void Expect(string steps, string column, params (long? Sensor, long Seq, object? Value)[] expected)
    {
        var actual = Column(steps, column);
        Assert.Equal(expected.Length, actual.Count);
        foreach (var (sensor, seq, value) in expected)
            Assert.True(Equals(value, actual[(sensor, seq)]), $"({sensor}, {seq}): expected {value ?? "NULL"}, got {actual[(sensor, seq)] ?? "NULL"}");
    }

    [Fact]
    public void Rank_counts_the_rows_before_the_peers_and_puts_nulls_last()
    {
        Expect("| derive r = rank() over (partition by sensor_id order by value desc)", "r",
            (1, 2, 1L), (1, 3, 1L), (1, 1, 3L), (1, 4, 4L), (2, 1, 1L), (2, 2, 2L), (null, 1, 1L));
    }

    [Fact]
    public void Nulls_first_puts_them_first_in_a_descending_order()
    {
        Expect("| derive r = rank() over (partition by sensor_id order by value desc nulls first)", "r",
            (1, 4, 1L), (1, 2, 2L), (1, 3, 2L), (1, 1, 4L), (2, 2, 1L), (2, 1, 2L), (null, 1, 1L));
    }

    [Fact]
    public void Dense_rank_and_percent_rank()
    {
        Expect("| derive d = dense_rank() over (partition by sensor_id order by value desc)", "d",
            (1, 2, 1L), (1, 3, 1L), (1, 1, 2L), (1, 4, 3L), (2, 1, 1L), (2, 2, 2L), (null, 1, 1L));
        Expect("| derive p = percent_rank() over (partition by sensor_id order by value desc)", "p",
            (1, 2, 0.0), (1, 3, 0.0), (1, 1, 2.0 / 3), (1, 4, 1.0), (2, 1, 0.0), (2, 2, 1.0), (null, 1, 0.0));
    }

    [Fact]
    public void Ntile_gives_the_first_buckets_one_row_more()
    {
        Expect("| derive t = ntile(3) over (partition by sensor_id order by seq)", "t",
            (1, 1, 1L), (1, 2, 1L), (1, 3, 2L), (1, 4, 3L), (2, 1, 1L), (2, 2, 2L), (null, 1, 1L));
    }

    [Fact]
    public void Lag_with_a_default_and_lead_without()
    {
        Expect("| derive prev = lag(value, 1, -1.0) over (partition by sensor_id order by seq)", "prev",
            (1, 1, -1.0), (1, 2, 10.0), (1, 3, 20.0), (1, 4, 20.0), (2, 1, -1.0), (2, 2, 5.0), (null, 1, -1.0));
        Expect("| derive next = lead(value) over (partition by sensor_id order by seq)", "next",
            (1, 1, 20.0), (1, 2, 20.0), (1, 3, null), (1, 4, null), (2, 1, null), (2, 2, null), (null, 1, null));
        Expect("| derive two_back = lag(seq, 2) over (partition by sensor_id order by seq)", "two_back",
            (1, 1, null), (1, 2, null), (1, 3, 1L), (1, 4, 2L), (2, 1, null), (2, 2, null), (null, 1, null));
    }

    [Fact]
    public void An_ordered_aggregate_without_a_frame_reads_up_to_the_last_peer()
    {
        Expect("| derive s = sum(value) over (partition by sensor_id order by value)", "s",
            (1, 1, 10.0), (1, 2, 50.0), (1, 3, 50.0), (1, 4, 50.0), (2, 1, 5.0), (2, 2, 5.0), (null, 1, 7.0));
        Expect("| derive l = last_value(value) over (partition by sensor_id order by value)", "l",
            (1, 1, 10.0), (1, 2, 20.0), (1, 3, 20.0), (1, 4, null), (2, 1, 5.0), (2, 2, null), (null, 1, 7.0));
    }

    [Fact]
    public void Row_frames_slide_and_may_be_empty()
    {
        Expect("| derive s = sum(value) over (partition by sensor_id order by seq rows between 1 preceding and current row)", "s",
            (1, 1, 10.0), (1, 2, 30.0), (1, 3, 40.0), (1, 4, 20.0), (2, 1, 5.0), (2, 2, 5.0), (null, 1, 7.0));
        Expect("| derive f = first_value(value) over (partition by sensor_id order by seq rows between 1 following and 2 following)", "f",
            (1, 1, 20.0), (1, 2, 20.0), (1, 3, null), (1, 4, null), (2, 1, null), (2, 2, null), (null, 1, null));
        Expect("| derive c = count() over (partition by sensor_id order by seq rows between unbounded preceding and 1 preceding)", "c",
            (1, 1, 0L), (1, 2, 1L), (1, 3, 2L), (1, 4, 3L), (2, 1, 0L), (2, 2, 1L), (null, 1, 0L));
        Expect("| derive m = max(value) over (partition by sensor_id order by seq rows between 2 following and unbounded following)", "m",
            (1, 1, 20.0), (1, 2, null), (1, 3, null), (1, 4, null), (2, 1, null), (2, 2, null), (null, 1, null));
    }

    [Fact]
    public void Without_an_order_the_frame_is_the_partition()
    {
        Expect("| derive n = count() over (partition by sensor_id)", "n",
            (1, 1, 4L), (1, 2, 4L), (1, 3, 4L), (1, 4, 4L), (2, 1, 2L), (2, 2, 2L), (null, 1, 1L));
        Expect("| derive k = count(value) over (partition by sensor_id), a = avg(value) over (partition by sensor_id)", "a",
            (1, 1, 50.0 / 3), (1, 2, 50.0 / 3), (1, 3, 50.0 / 3), (1, 4, 50.0 / 3), (2, 1, 5.0), (2, 2, 5.0), (null, 1, 7.0));
    }

    [Fact]
    public void A_window_column_named_like_an_input_column_replaces_it_in_place()
    {
        var workflow = Ok(WindowData.Program("| derive value = sum(value) over (partition by sensor_id)"));
        Assert.Equal(["sensor_id", "seq", "value", "label"], workflow.Sinks.First().Schema.Names);
        Expect("| derive value = sum(value) over (partition by sensor_id)", "value",
            (1, 1, 50.0), (1, 2, 50.0), (1, 3, 50.0), (1, 4, 50.0), (2, 1, 5.0), (2, 2, 5.0), (null, 1, 7.0));
    }

    [Fact]
    public void A_filter_on_a_window_column_keeps_the_rows_of_every_partition_that_qualify()
    {
        var kept = Column("| derive r = rank() over (partition by sensor_id order by value desc) | filter r = 1", "r");
        Assert.Equal([(1L, 2L), (1L, 3L), (2L, 1L), (null, 1L)], kept.Keys.OrderBy(k => k.Item1 ?? long.MaxValue).ThenBy(k => k.Item2).ToList());
    }

    [Fact]
    public void A_select_list_computes_its_window_items_in_place()
    {
        var workflow = Ok(WindowData.Program("| select seq as value, sensor_id, sum(value) over (partition by sensor_id) as seq"));
        // Window items may take the names of input columns the other items read: they are computed under names of their own.
        Assert.Equal(["value", "sensor_id", "seq"], workflow.Sinks.First().Schema.Names);
        var result = Harness.Run(workflow, WindowData.Database(WindowData.Readings()));
        var rows = result.Outputs.Find(Cwf.Ir.TableName.TryParse("out.result")!)!.Rows;
        Assert.Contains(rows, r => Equals(r[0], 3L) && Equals(r[1], 1L) && Equals(r[2], 50.0));
        Assert.Contains(rows, r => Equals(r[0], 1L) && r[1] is null && Equals(r[2], 7.0));
    }

    [Fact]
    public void Take_per_group_breaks_ties_by_the_other_columns()
    {
        // Sensor 1 has two values of 20 (seq 2 and 3): the tie goes to the lower seq.
        var kept = Column("| take 1 per sensor_id by value desc", "value");
        Assert.Equal(3, kept.Count);
        Assert.Equal(20.0, kept[(1, 2)]);
        Assert.Equal(5.0, kept[(2, 1)]);
        Assert.Equal(7.0, kept[(null, 1)]);
        var two = Column("| take 2 per sensor_id by value desc nulls first", "value");
        Assert.Equal([(1L, 2L), (1L, 4L), (2L, 1L), (2L, 2L), (null, 1L)], two.Keys.OrderBy(k => k.Item1 ?? long.MaxValue).ThenBy(k => k.Item2).ToList());
    }

    [Fact]
    public void Distinct_on_keeps_the_first_row_of_each_key()
    {
        var kept = Column("| distinct on (sensor_id) by seq desc", "seq");
        Assert.Equal([(1L, 4L), (2L, 2L), (null, 1L)], kept.Keys.OrderBy(k => k.Item1 ?? long.MaxValue).ToList());
        var any = Column("| distinct on (sensor_id)", "seq");
        Assert.Equal([(1L, 1L), (2L, 1L), (null, 1L)], any.Keys.OrderBy(k => k.Item1 ?? long.MaxValue).ToList());
    }
}
