using Cwf.Interpretation;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Checks;

/// <summary>Orders with a duplicated key, NULLs, a value outside the accepted ones and a negative amount, and programs that check them.</summary>
internal static class CheckData
{
    public const string Source = """source orders = table "src.orders" { order_id: int64 not null, customer_id: int64, status: string, amount: float64 }""";

    /// <summary>Order 3 twice (customers 11 and 12), a NULL customer and status (order 4), status 'void', amount -1 and a NULL amount.</summary>
    public static TestTable Orders() => TestTable.Create("src.orders", "order_id int64, customer_id int64, status string, amount float64",
        [1L, 10L, "open", 5.0],
        [2L, 10L, "closed", 7.5],
        [3L, 11L, "open", null],
        [3L, 12L, "void", -1.0],
        [4L, null, null, 2.0]);

    public static Database Database() =>
        Cwf.Interpretation.Database.Empty.With(Orders().Name, new Table(Orders().Schema, Orders().TypedRows()));

    /// <summary>The orders written to out.orders through the let <c>all_orders</c>, then <paramref name="asserts"/>.</summary>
    public static string Program(string asserts) => $"""
        {Source}
        let all_orders = orders
        output all_orders -> table "out.orders"
        {asserts}
        """;

    /// <summary>Each kind of check passing and failing on the orders: the check, its measure, whether it passes.</summary>
    public static TheoryData<string, long, bool> Cases => new()
    {
        { "unique(order_id)", 2, false },
        { "unique(order_id, customer_id)", 0, true },
        { "not_null(order_id)", 0, true },
        { "not_null(customer_id, status)", 1, false },
        { "rows between 1 and 10", 5, true },
        { "rows between 6 and 10", 5, false },
        { "accepted_values(status, ['open', 'closed', 'void'])", 0, true },
        { "accepted_values(status, ['open', 'closed'])", 1, false },
        { "expression amount > -5", 0, true },
        { "expression amount >= 0", 1, false },
    };
}
