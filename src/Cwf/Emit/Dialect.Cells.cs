using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// The set-returning H3 and Quadbin functions (polyfill, k-ring, children; issue 17), written as explode
/// steps: each dialect's <see cref="CellSet"/> in its own file, spec/dialects.md "Cell sets".
/// </summary>
public abstract partial class Dialect
{
    /// <summary>How the warehouse makes one row per cell of a set of <paramref name="kind"/>; by default it cannot.</summary>
    protected virtual ExplodeSql CellSet(ExplodeKind kind) => CellSetBase(kind);

    /// <summary>The hint where a warehouse cannot list cells: compute them where the workflow runs in process.</summary>
    protected const string CellSetWorkaround = "run the step with cwf run --data (the interpreter lists the cells), or list them in a custom SQL step";

    /// <summary>What a set of <paramref name="kind"/> is, for messages.</summary>
    protected static string CellSetName(ExplodeKind kind) => kind switch
    {
        ExplodeKind.H3PolyfillCenter => "the H3 cells whose centers lie in a polygon",
        ExplodeKind.H3PolyfillIntersects => "the H3 cells that intersect a polygon",
        ExplodeKind.H3PolyfillContains => "the H3 cells wholly inside a polygon",
        ExplodeKind.H3KRing => "the H3 cells within k steps of a cell",
        ExplodeKind.H3Children => "the children of an H3 cell",
        ExplodeKind.QuadbinPolyfillCenter => "the Quadbin tiles whose centers lie in a polygon",
        ExplodeKind.QuadbinPolyfillIntersects => "the Quadbin tiles that intersect a polygon",
        ExplodeKind.QuadbinPolyfillContains => "the Quadbin tiles wholly inside a polygon",
        ExplodeKind.QuadbinKRing => "the Quadbin tiles within k steps of a tile",
        ExplodeKind.QuadbinChildren => "the children of a Quadbin tile",
        _ => kind.ToString(),
    };

    /// <summary>
    /// The Quadbin sets from the toolbox on a warehouse whose toolbox has <c>QUADBIN_POLYFILL(geo, resolution)</c>
    /// (the tiles that intersect), <c>QUADBIN_KRING_DISTANCES</c> and <c>QUADBIN_TOCHILDREN</c>, each returning an
    /// array that <paramref name="unnest"/> (<c>{0}</c> the array) joins as rows of <paramref name="element"/>;
    /// <paramref name="index"/> and <paramref name="distance"/> read a k-ring entry's fields from the element.
    /// </summary>
    protected ExplodeSql QuadbinToolboxSet(ExplodeKind kind, Func<string, string> unnest, string element, string index, string distance, string resolution = "{1}") => kind switch
    {
        ExplodeKind.QuadbinPolyfillIntersects => ExplodeSql.Lateral(unnest($"{{toolbox}}.QUADBIN_POLYFILL({{0}}, {resolution})"), element),
        ExplodeKind.QuadbinKRing => ExplodeSql.Lateral(unnest($"{{toolbox}}.QUADBIN_KRING_DISTANCES({{0}}, {resolution})"), index) with { Distance = distance },
        ExplodeKind.QuadbinChildren => ExplodeSql.Lateral(unnest($"{{toolbox}}.QUADBIN_TOCHILDREN({{0}}, {resolution})"), element),
        ExplodeKind.QuadbinPolyfillCenter or ExplodeKind.QuadbinPolyfillContains => ExplodeSql.NotAvailable(
            $"the Analytics Toolbox for {DisplayName} has only QUADBIN_POLYFILL, which keeps the tiles that intersect (no mode)",
            "use mode 'intersects', or filter its tiles by st_contains(geo, quadbin_center(cell)) or st_contains(geo, quadbin_boundary(cell))"),
        _ => CellSetBase(kind),
    };

    /// <summary>The default for a kind a dialect's own switch does not list.</summary>
    protected ExplodeSql CellSetBase(ExplodeKind kind) =>
        ExplodeSql.NotAvailable($"{DisplayName} has no function that lists {CellSetName(kind)}", CellSetWorkaround);
}
