namespace Cwf.Interpretation.Geo;

/// <summary>
/// The unstable sort of GCC's C++ library (libstdc++'s <c>std::sort</c>: introsort with a median-of-three pivot,
/// heapsort past a depth of 2·log2(n), insertion sort for runs of 16 and less), step for step, so that elements
/// that compare equal end in the order GEOS leaves them in on Linux, where PostGIS runs. .NET's
/// <see cref="List{T}.Sort(Comparison{T})"/> is also unstable but puts equal elements elsewhere.
/// </summary>
internal static class StdSort
{
    private const int Threshold = 16;

    /// <summary>Sorts <paramref name="items"/>[<paramref name="first"/>, <paramref name="last"/>) by <paramref name="less"/>.</summary>
    public static void Sort<T>(IList<T> items, int first, int last, Func<T, T, bool> less)
    {
        if (last - first < 2) return;
        var depthLimit = 2 * (31 - int.LeadingZeroCount(last - first));
        IntroSortLoop(items, first, last, depthLimit, less);
        FinalInsertionSort(items, first, last, less);
    }

    /// <summary>libstdc++ recurses into the right part and loops on the left; its depth is bounded by the depth limit.</summary>
    private static void IntroSortLoop<T>(IList<T> items, int first, int last, int depthLimit, Func<T, T, bool> less)
    {
        while (last - first > Threshold)
        {
            if (depthLimit == 0)
            {
                HeapSort(items, first, last, less);
                return;
            }
            depthLimit--;
            var cut = PartitionAroundPivot(items, first, last, less);
            IntroSortLoop(items, cut, last, depthLimit, less);
            last = cut;
        }
    }

    private static int PartitionAroundPivot<T>(IList<T> items, int first, int last, Func<T, T, bool> less)
    {
        var mid = first + (last - first) / 2;
        MoveMedianToFirst(items, first, first + 1, mid, last - 1, less);
        var left = first + 1;
        var right = last;
        while (true)
        {
            while (less(items[left], items[first])) left++;
            right--;
            while (less(items[first], items[right])) right--;
            if (left >= right) return left;
            Swap(items, left, right);
            left++;
        }
    }

    private static void MoveMedianToFirst<T>(IList<T> items, int result, int a, int b, int c, Func<T, T, bool> less)
    {
        if (less(items[a], items[b]))
        {
            if (less(items[b], items[c])) Swap(items, result, b);
            else if (less(items[a], items[c])) Swap(items, result, c);
            else Swap(items, result, a);
        }
        else if (less(items[a], items[c])) Swap(items, result, a);
        else if (less(items[b], items[c])) Swap(items, result, c);
        else Swap(items, result, b);
    }

    private static void FinalInsertionSort<T>(IList<T> items, int first, int last, Func<T, T, bool> less)
    {
        if (last - first <= Threshold)
        {
            InsertionSort(items, first, last, less);
            return;
        }
        InsertionSort(items, first, first + Threshold, less);
        // The first 16 hold the minimum, so the remaining inserts need no bound check.
        for (var i = first + Threshold; i < last; i++) LinearInsert(items, i, less);
    }

    private static void InsertionSort<T>(IList<T> items, int first, int last, Func<T, T, bool> less)
    {
        for (var i = first + 1; i < last; i++)
        {
            if (less(items[i], items[first]))
            {
                var value = items[i];
                for (var j = i; j > first; j--) items[j] = items[j - 1];
                items[first] = value;
            }
            else
            {
                LinearInsert(items, i, less);
            }
        }
    }

    private static void LinearInsert<T>(IList<T> items, int last, Func<T, T, bool> less)
    {
        var value = items[last];
        var next = last - 1;
        while (less(value, items[next]))
        {
            items[last] = items[next];
            last = next;
            next--;
        }
        items[last] = value;
    }

    /// <summary>
    /// std::partial_sort over the whole range (make_heap, then sort_heap), the fallback past the depth limit;
    /// internal so that a test can compare it with libstdc++'s, since ordinary inputs never reach it.
    /// </summary>
    internal static void HeapSort<T>(IList<T> items, int first, int last, Func<T, T, bool> less)
    {
        var length = last - first;
        for (var parent = (length - 2) / 2; parent >= 0; parent--) AdjustHeap(items, first, parent, length, items[first + parent], less);
        while (last - first > 1)
        {
            last--;
            var value = items[last];
            items[last] = items[first];
            AdjustHeap(items, first, 0, last - first, value, less);
        }
    }

    private static void AdjustHeap<T>(IList<T> items, int first, int hole, int length, T value, Func<T, T, bool> less)
    {
        var top = hole;
        var child = hole;
        while (child < (length - 1) / 2)
        {
            child = 2 * (child + 1);
            if (less(items[first + child], items[first + child - 1])) child--;
            items[first + hole] = items[first + child];
            hole = child;
        }
        if ((length & 1) == 0 && child == (length - 2) / 2)
        {
            child = 2 * (child + 1);
            items[first + hole] = items[first + child - 1];
            hole = child - 1;
        }
        var parent = (hole - 1) / 2;
        while (hole > top && less(items[first + parent], value))
        {
            items[first + hole] = items[first + parent];
            hole = parent;
            parent = (hole - 1) / 2;
        }
        items[first + hole] = value;
    }

    private static void Swap<T>(IList<T> items, int i, int j) => (items[i], items[j]) = (items[j], items[i]);
}
