namespace Cwf.Interpretation.Evaluation;

/// <summary>Compares tuples of values as GROUP BY and DISTINCT do: NULLs equal, numbers equal across kinds.</summary>
internal sealed class RowKeyComparer : IEqualityComparer<object?[]>
{
    public static RowKeyComparer Instance { get; } = new();

    public bool Equals(object?[]? x, object?[]? y)
    {
        if (ReferenceEquals(x, y)) return true;
        if (x is null || y is null || x.Length != y.Length) return false;
        for (int i = 0; i < x.Length; i++)
            if (!SqlValues.KeyEquals(x[i], y[i])) return false;
        return true;
    }

    public int GetHashCode(object?[] key)
    {
        var hash = new HashCode();
        foreach (var value in key) hash.Add(SqlValues.KeyHash(value));
        return hash.ToHashCode();
    }
}

/// <summary>Equality of single values with the same rules, for COUNT(DISTINCT x).</summary>
internal sealed class ValueKeyComparer : IEqualityComparer<object>
{
    public static ValueKeyComparer Instance { get; } = new();
    public new bool Equals(object? x, object? y) => SqlValues.KeyEquals(x, y);
    public int GetHashCode(object value) => SqlValues.KeyHash(value);
}
