namespace Cwf.Emit;

/// <summary>
/// How a dialect writes an explode step (one row per element, <see cref="Ir.ExplodeNode"/>): the line
/// after <c>FROM input AS l</c> that joins the elements of the value <c>{0}</c> (written over
/// <c>l</c>; <c>{1}</c> onward the node's further arguments, a resolution or k), and the element's
/// expression (<c>{0}</c> again the value); or, where the warehouse
/// cannot, why and what to do instead (CWF6002).
/// </summary>
public sealed record ExplodeSql
{
    private ExplodeSql() { }

    public SqlTemplate? Join { get; private init; }
    public SqlTemplate? Element { get; private init; }
    public string? Unavailable { get; private init; }
    public string? Workaround { get; private init; }

    /// <summary>A k-ring element's distance from its origin (<c>{0}</c> the origin, <c>{1}</c> k); null where the warehouse gives none.</summary>
    public SqlTemplate? Distance { get; init; }

    /// <summary>Notes on where the warehouse's elements differ from the IR's.</summary>
    public FunctionNote? Note { get; init; }

    public static ExplodeSql Lateral(string join, string element) => new() { Join = join, Element = element };

    public static ExplodeSql NotAvailable(string why, string workaround) => new() { Unavailable = why, Workaround = workaround };
}
