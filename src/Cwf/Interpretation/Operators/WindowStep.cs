using Cwf.Interpretation.Evaluation;
using Cwf.Ir;

namespace Cwf.Interpretation.Operators;

/// <summary>
/// Computes window columns as PostgreSQL does: rows are grouped by the partition keys (NULLs form
/// one partition), ordered by the order keys (NULLs where each key says, ties in input order),
/// peers are rows equal on every order key. Ranks count peers; a frame-reading function reads its
/// row frame, or without one the whole partition (no order) or the partition up to the row's last
/// peer. Frames that start unbounded are accumulated forward, frames that end unbounded backward,
/// so the usual running totals are linear. The output keeps the input's rows and order.
/// </summary>
internal static class WindowStep
{
    public static Table Run(WindowNode node, Table input, StepContext context)
    {
        var source = input.RowArrays;
        var results = new object?[node.Calls.Count][];
        for (int c = 0; c < node.Calls.Count; c++)
        {
            results[c] = new object?[source.Length];
            Compute(node.Calls[c], input, context, results[c]);
        }

        // Each output column: an input column (index >= 0) or a call (~index).
        var schema = node.Schema;
        var sources = new int[schema.Count];
        for (int i = 0; i < schema.Count; i++)
        {
            var name = schema.Columns[i].Name;
            int call = node.Calls.Select((c, index) => (c, index)).FirstOrDefault(x => string.Equals(x.c.Name, name, StringComparison.OrdinalIgnoreCase), (null!, -1)).index;
            sources[i] = call >= 0 ? ~call : input.Schema.IndexOf(name);
        }
        var rows = new object?[source.Length][];
        for (int r = 0; r < source.Length; r++)
        {
            var row = new object?[sources.Length];
            for (int i = 0; i < sources.Length; i++) row[i] = sources[i] >= 0 ? source[r][sources[i]] : results[~sources[i]][r];
            rows[r] = row;
        }
        return Table.FromTrustedRows(schema, rows);
    }

    private static void Compute(WindowCall call, Table input, StepContext context, object?[] result)
    {
        var source = input.RowArrays;
        var partitionKeys = call.PartitionBy.Select(e => context.Compile(e, input.Schema)).ToArray();
        var orderKeys = call.OrderBy.Select(k => context.Compile(k.Expr, input.Schema)).ToArray();
        var orders = KeyOrder.Of(call.OrderBy);
        var arguments = call.Arguments.Select(e => context.Compile(e, input.Schema)).ToArray();

        var partitions = new Dictionary<object?[], List<int>>(RowKeyComparer.Instance);
        var partitionOrder = new List<List<int>>();
        var order = new object?[source.Length][];
        for (int r = 0; r < source.Length; r++)
        {
            var key = new object?[partitionKeys.Length];
            for (int k = 0; k < key.Length; k++) key[k] = partitionKeys[k](source[r], null);
            if (!partitions.TryGetValue(key, out var rows))
            {
                partitions.Add(key, rows = []);
                partitionOrder.Add(rows);
            }
            rows.Add(r);
            order[r] = new object?[orderKeys.Length];
            for (int k = 0; k < orderKeys.Length; k++) order[r][k] = orderKeys[k](source[r], null);
        }

        foreach (var rows in partitionOrder)
        {
            var sorted = rows.ToArray();
            try
            {
                Array.Sort(sorted, (a, b) => SortStep.CompareKeys(order[a], order[b], orders) is var c && c != 0 ? c : a.CompareTo(b));
            }
            catch (InvalidOperationException e) when (e.InnerException is InterpretationException inner)
            {
                throw inner;
            }
            var values = arguments.Length == 0 ? null : sorted.Select(r => arguments[0](source[r], null)).ToArray();
            if (call.Function.IsClustering())
            {
                Cluster(call, sorted, values!, result);
                continue;
            }
            var partition = new Partition(call, sorted, order);
            for (int i = 0; i < sorted.Length; i++)
                result[sorted[i]] = call.Function.IsPositional() ? Positional(call, partition, i, values, arguments, source) : null;
            if (!call.Function.IsPositional()) Framed(call, partition, values, result);
        }
    }

    private static void Cluster(WindowCall call, int[] rows, object?[] values, object?[] result)
    {
        var geographies = values.Select(v => v as NetTopologySuite.Geometries.Geometry).ToArray();
        var clusters = call.Function == WindowFunction.ClusterKMeans
            ? Geo.Clustering.KMeans(geographies, (long)((Literal)call.Arguments[1]).Value!)
            : Geo.Clustering.Dbscan(geographies, Convert.ToDouble(((Literal)call.Arguments[1]).Value!, System.Globalization.CultureInfo.InvariantCulture) / Geo.Geography.MetersPerDegree,
                (long)((Literal)call.Arguments[2]).Value!);
        for (int i = 0; i < rows.Length; i++) result[rows[i]] = clusters[i];
    }

    private static object? Positional(WindowCall call, Partition p, int i, object?[]? values, Evaluator[] arguments, object?[][] source)
    {
        int n = p.Rows.Length;
        switch (call.Function)
        {
            case WindowFunction.RowNumber:
                return (long)(i + 1);
            case WindowFunction.Rank:
                return (long)(p.FirstPeer(i) + 1);
            case WindowFunction.DenseRank:
                return p.DenseRank(i);
            case WindowFunction.PercentRank:
                return n == 1 ? 0.0 : (double)p.FirstPeer(i) / (n - 1);
            case WindowFunction.Ntile:
            {
                long buckets = (long)((Literal)call.Arguments[0]).Value!;
                long size = n / buckets, larger = n % buckets;
                long inLarger = larger * (size + 1);
                return i < inLarger ? i / (size + 1) + 1 : larger + (i - inLarger) / size + 1;
            }
            default:
            {
                long offset = (long)((Literal)call.Arguments[1]).Value!;
                long target = call.Function == WindowFunction.Lag ? i - offset : i + offset;
                if (target >= 0 && target < n) return values![target];
                return arguments.Length > 2 ? arguments[2](source[p.Rows[i]], null) : null;
            }
        }
    }

    /// <summary>first_value, last_value and the aggregates, over each row's frame.</summary>
    private static void Framed(WindowCall call, Partition p, object?[]? values, object?[] result)
    {
        int n = p.Rows.Length;
        if (call.Function is WindowFunction.FirstValue or WindowFunction.LastValue)
        {
            for (int i = 0; i < n; i++)
            {
                var (start, end) = p.Frame(i);
                result[p.Rows[i]] = start > end ? null : values![call.Function == WindowFunction.FirstValue ? start : end];
            }
            return;
        }
        var function = call.Function switch
        {
            WindowFunction.Sum => AggregateFunction.Sum,
            WindowFunction.Avg => AggregateFunction.Avg,
            WindowFunction.Min => AggregateFunction.Min,
            WindowFunction.Max => AggregateFunction.Max,
            WindowFunction.Count => AggregateFunction.Count,
            _ => AggregateFunction.CountAll,
        };
        object? ValueAt(int j) => values is null ? null : values[j];
        var frame = call.Frame;
        if (frame is null || frame.Start.Kind == FrameBoundKind.UnboundedPreceding)
        {
            // Ends never move back: one accumulator, each row added once.
            var running = new AggregateStep.Accumulator(function, call.Type);
            int added = 0;
            for (int i = 0; i < n; i++)
            {
                var (start, end) = p.Frame(i);
                for (; start <= end && added <= end; added++) running.Add(ValueAt(added));
                result[p.Rows[i]] = start > end ? Empty(function, call) : running.Result();
            }
            return;
        }
        if (frame.End.Kind == FrameBoundKind.UnboundedFollowing)
        {
            var running = new AggregateStep.Accumulator(function, call.Type);
            int added = n - 1;
            for (int i = n - 1; i >= 0; i--)
            {
                var (start, end) = p.Frame(i);
                for (; start <= end && added >= start; added--) running.Add(ValueAt(added));
                result[p.Rows[i]] = start > end ? Empty(function, call) : running.Result();
            }
            return;
        }
        for (int i = 0; i < n; i++)
        {
            var (start, end) = p.Frame(i);
            var accumulator = new AggregateStep.Accumulator(function, call.Type);
            for (int j = start; j <= end; j++) accumulator.Add(ValueAt(j));
            result[p.Rows[i]] = accumulator.Result();
        }
    }

    /// <summary>The aggregate over an empty frame: NULL, or 0 for the counts.</summary>
    private static object? Empty(AggregateFunction function, WindowCall call) => new AggregateStep.Accumulator(function, call.Type).Result();

    /// <summary>One partition in window order: its peer groups and each row's frame (positions in <see cref="Rows"/>).</summary>
    private sealed class Partition
    {
        private readonly WindowCall _call;
        private readonly int[] _firstPeer;
        private readonly int[] _lastPeer;
        private readonly long[] _denseRank;

        public Partition(WindowCall call, int[] rows, object?[][] order)
        {
            _call = call;
            Rows = rows;
            _firstPeer = new int[rows.Length];
            _lastPeer = new int[rows.Length];
            _denseRank = new long[rows.Length];
            var orders = KeyOrder.Of(call.OrderBy);
            long dense = 0;
            for (int i = 0; i < rows.Length; i++)
            {
                bool peer = i > 0 && SortStep.CompareKeys(order[rows[i - 1]], order[rows[i]], orders) == 0;
                _firstPeer[i] = peer ? _firstPeer[i - 1] : i;
                _denseRank[i] = peer ? dense : ++dense;
            }
            for (int i = rows.Length - 1; i >= 0; i--)
                _lastPeer[i] = i < rows.Length - 1 && _firstPeer[i + 1] == _firstPeer[i] ? _lastPeer[i + 1] : i;
        }

        /// <summary>The input row indexes, in window order.</summary>
        public int[] Rows { get; }

        public int FirstPeer(int i) => _firstPeer[i];

        public long DenseRank(int i) => _denseRank[i];

        /// <summary>The frame of the row at position i, clamped to the partition (start > end: empty).</summary>
        public (int Start, int End) Frame(int i)
        {
            int last = Rows.Length - 1;
            if (_call.Frame is not { } frame) return (0, _call.OrderBy.IsEmpty ? last : _lastPeer[i]);
            long start = Bound(frame.Start, i, last), end = Bound(frame.End, i, last);
            if (start > end || end < 0 || start > last) return (1, 0);
            return ((int)Math.Max(start, 0), (int)Math.Min(end, last));
        }

        private static long Bound(FrameBound bound, int i, int last) => bound.Kind switch
        {
            FrameBoundKind.UnboundedPreceding => 0,
            FrameBoundKind.UnboundedFollowing => last,
            FrameBoundKind.CurrentRow => i,
            FrameBoundKind.Preceding => i - bound.Offset,
            _ => i + bound.Offset,
        };
    }
}
