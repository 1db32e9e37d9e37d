using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Cwf.Ir;

/// <summary>
/// An immutable list with value equality, so that IR records compare structurally
/// (ImmutableArray compares by reference). Supports collection expressions: <c>Seq&lt;Expr&gt; a = [x, y];</c>
/// </summary>
[CollectionBuilder(typeof(Seq), nameof(Seq.Create))]
public readonly struct Seq<T> : IReadOnlyList<T>, IEquatable<Seq<T>>
{
    private readonly ImmutableArray<T> _items;

    public Seq(ImmutableArray<T> items) => _items = items.IsDefault ? [] : items;

    public static Seq<T> Empty => new([]);

    public ImmutableArray<T> Items => _items.IsDefault ? [] : _items;
    public int Count => Items.Length;
    public bool IsEmpty => Count == 0;
    public T this[int index] => Items[index];

    public Seq<T> Add(T item) => new(Items.Add(item));
    public Seq<T> AddRange(IEnumerable<T> items) => new(Items.AddRange(items));
    public Seq<T> SetItem(int index, T item) => new(Items.SetItem(index, item));
    public Seq<T> RemoveAt(int index) => new(Items.RemoveAt(index));
    /// <summary>The items mapped one to one, into one array of the exact size (every pass maps node lists and expressions).</summary>
    public Seq<TResult> Map<TResult>(Func<T, TResult> selector)
    {
        var items = Items;
        if (items.IsEmpty) return Seq<TResult>.Empty;
        var mapped = new TResult[items.Length];
        for (int i = 0; i < mapped.Length; i++) mapped[i] = selector(items[i]);
        return new(ImmutableCollectionsMarshal.AsImmutableArray(mapped));
    }

    public ImmutableArray<T>.Enumerator GetEnumerator() => Items.GetEnumerator();
    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)Items).GetEnumerator();

    public bool Equals(Seq<T> other)
    {
        var a = Items;
        var b = other.Items;
        if (a.Length != b.Length) return false;
        var comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < a.Length; i++)
            if (!comparer.Equals(a[i], b[i])) return false;
        return true;
    }

    public override bool Equals(object? obj) => obj is Seq<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items) hash.Add(item);
        return hash.ToHashCode();
    }

    public static bool operator ==(Seq<T> left, Seq<T> right) => left.Equals(right);
    public static bool operator !=(Seq<T> left, Seq<T> right) => !left.Equals(right);

    public static implicit operator Seq<T>(ImmutableArray<T> items) => new(items);

    public override string ToString() => $"[{string.Join(", ", Items)}]";
}

public static class Seq
{
    public static Seq<T> Create<T>(ReadOnlySpan<T> items) => new([.. items]);
    /// <summary>The items as a sequence: a sequence passed as an enumerable is that sequence (immutable, so shared, not copied).</summary>
    public static Seq<T> ToSeq<T>(this IEnumerable<T> items) => items is Seq<T> seq ? seq : new([.. items]);
}
