using System.Buffers;
using Cwf.Ir;

namespace Cwf.Tests.Core;

public class PooledArrayTests
{
    // The pool hands out what its last user left; a lent array's asked part is zero all the same.
    [Fact]
    public void A_lent_array_is_zero_where_asked_after_a_user_left_values_in_it()
    {
        var dirty = ArrayPool<int>.Shared.Rent(1000);
        Array.Fill(dirty, 7);
        ArrayPool<int>.Shared.Return(dirty);
        var lent = PooledArray.Rent<int>(1000);
        Assert.True(lent.Length >= 1000);
        Assert.All(lent.Take(1000), v => Assert.Equal(0, v));
        PooledArray.Return(lent, 1000);
    }

    // Given back, an array of references holds none, so that the pool keeps no node alive.
    [Fact]
    public void An_array_of_references_given_back_is_cleared_where_it_was_written()
    {
        var lent = PooledArray.Rent<object>(500);
        for (int i = 0; i < 500; i++) lent[i] = new object();
        PooledArray.Return(lent, 500);
        Assert.All(lent.Take(500), Assert.Null);
    }
}
