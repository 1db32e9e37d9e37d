using System.Runtime.ExceptionServices;

namespace Cwf.Interpretation.Operators;

/// <summary>
/// Runs a per-row computation over consecutive ranges of rows, on several cores when the input
/// is large enough to pay for it. The ranges' results come back in row order, and when rows fail
/// the error rethrown is the one of the first failing range, which (ranges being computed row by
/// row) is the error of the first failing row: a step's rows, order and error are those of the
/// sequential loop, whatever the degree of parallelism.
/// </summary>
internal static class RowChunks
{
    /// <summary>Fewer rows than this per range cost more to schedule than to compute (rows of plain values).</summary>
    public const int MinRowsPerChunk = 256;

    /// <summary>Ranges per core: uneven rows (a city in a large country) balance over several ranges.</summary>
    private const int ChunksPerCore = 8;

    /// <summary>
    /// <paramref name="compute"/> of each range [start, end) of <paramref name="rowCount"/> rows, in
    /// order; ranges of at least <paramref name="minRowsPerChunk"/> rows (fewer for rows that each
    /// cost much, such as polygons to validate).
    /// </summary>
    public static TResult[] Run<TResult>(int rowCount, int parallelism, Func<int, int, TResult> compute, int minRowsPerChunk = MinRowsPerChunk)
    {
        int chunks = parallelism <= 1 ? 1 : Math.Clamp(rowCount / Math.Max(1, minRowsPerChunk), 1, parallelism * ChunksPerCore);
        if (chunks == 1) return [compute(0, rowCount)];

        var results = new TResult[chunks];
        var errors = new Exception?[chunks];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, c =>
        {
            try
            {
                results[c] = compute(Start(c), Start(c + 1));
            }
            catch (Exception e)
            {
                errors[c] = e;
            }
        });
        foreach (var error in errors)
            if (error is not null) ExceptionDispatchInfo.Throw(error);
        return results;

        int Start(int chunk) => (int)((long)rowCount * chunk / chunks);
    }

    /// <summary><see cref="Run{TResult}"/> for a computation that writes each row to a position of its own.</summary>
    public static void ForEach(int rowCount, int parallelism, Action<int, int> compute, int minRowsPerChunk = MinRowsPerChunk) =>
        Run(rowCount, parallelism, (start, end) =>
        {
            compute(start, end);
            return true;
        }, minRowsPerChunk);

    /// <summary>The rows of each range, concatenated in order.</summary>
    public static object?[][] Concat(IReadOnlyList<List<object?[]>> parts)
    {
        if (parts.Count == 1) return [.. parts[0]];
        var rows = new object?[parts.Sum(p => p.Count)][];
        int at = 0;
        foreach (var part in parts)
        {
            part.CopyTo(rows, at);
            at += part.Count;
        }
        return rows;
    }
}
