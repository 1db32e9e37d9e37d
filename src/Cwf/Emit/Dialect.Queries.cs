using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>How the clauses of a step's query differ between warehouses, keyed by IR construct.</summary>
public abstract partial class Dialect
{
    /// <summary>
    /// An <c>ORDER BY</c> key with its NULLs placed explicitly, the warehouses' defaults differ (sorts
    /// and nearest neighbours put them last in both directions, contract 5a.5; windows say where).
    /// </summary>
    internal virtual string SortKey(string key, bool descending, bool nullsFirst = false) =>
        $"{key} {(descending ? "DESC" : "ASC")} {(nullsFirst ? "NULLS FIRST" : "NULLS LAST")}";

    public virtual string Limit(SqlFragment count) => "LIMIT " + count.Text;

    /// <summary>
    /// What an ordered spatial aggregate's template reads as <c>{1}</c> (make line): by default the ORDER BY list of
    /// the written keys; a dialect whose aggregate takes no order gives the non-NULL values of <paramref name="argument"/>
    /// already sorted.
    /// </summary>
    internal virtual string AggregateOrder(SqlFragment argument, IReadOnlyList<(string Key, bool Descending, bool NullsFirst)> keys) =>
        string.Join(", ", keys.Select(k => SortKey(k.Key, k.Descending, k.NullsFirst)));

    /// <summary>
    /// The lines that keep the rows of a query whose window functions satisfy <paramref name="condition"/>
    /// (<c>QUALIFY condition</c>), or null where the warehouse has no QUALIFY: a filter over a window
    /// step is then a query over the window step's.
    /// </summary>
    internal virtual IReadOnlyList<string>? Qualify(string condition) => null;

    /// <summary>LAG and LEAD take a default value (the third argument).</summary>
    internal virtual bool WindowOffsetDefaults => true;

    /// <summary>
    /// An aggregate, first_value or last_value over an ordered window may leave the frame out (the
    /// standard default: the partition up to the row's last peer, a RANGE frame).
    /// </summary>
    internal virtual bool DefaultWindowFrames => true;

    /// <summary>
    /// A limit whose count is a procedure argument. By default <c>LIMIT p_top</c>; where LIMIT
    /// takes only constants (BigQuery, Snowflake, Databricks) the dialect numbers the rows instead
    /// (<see cref="QueryWriter.NumberedLimit"/>).
    /// </summary>
    internal virtual SqlBlock ArgumentLimit(LimitNode limit, QueryWriter writer) => writer.LimitClause(limit);

    /// <summary>
    /// A <c>FULL OUTER JOIN</c> whose condition is not a conjunction of column equalities. Where the
    /// warehouse only runs full joins on hash- or merge-joinable conditions (PostgreSQL) the dialect
    /// writes <see cref="QueryWriter.LeftJoinPlusUnmatchedRight"/> instead.
    /// </summary>
    /// <summary>The window of a <c>ROW_NUMBER</c> that numbers rows in no particular order (some warehouses require an ORDER BY).</summary>
    public virtual string UnorderedWindow => "";

    internal virtual SqlBlock NonEquiFullJoin(JoinNode join, QueryWriter writer) => writer.Join(join, "FULL OUTER JOIN");

    /// <summary>
    /// The last line of a subquery whose computed columns must be computed once per row, or null
    /// where the warehouse computes a subquery's columns once anyway. PostgreSQL inlines a subquery
    /// (or a CTE) that is read once, and then computes such a column wherever it is used: in a join
    /// condition, once per pair of rows. <c>OFFSET 0</c> keeps the subquery whole.
    /// </summary>
    public virtual string? OncePerRow => null;

    /// <summary>How DISTINCT treats geography columns where they cannot be compared; null where they can (SELECT DISTINCT).</summary>
    public virtual GeographyGrouping? GeographyGrouping => null;
}
