using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>The explode step: the input's rows joined laterally to the elements of their value.</summary>
internal sealed partial class QueryWriter
{
    private SqlBlock WriteExplode(ExplodeNode e)
    {
        var sql = Dialect.Explode(e.Kind);
        var writer = new ExpressionWriter(_context, e, ExpressionWriter.Qualified(Dialect, LeftAlias));
        var value = writer.Write(e.Value);
        SqlFragment[] args = [value, .. e.Arguments.Select(writer.Write)];
        if (sql.Join is null || sql.Element is null)
        {
            _context.ReportOnce(DiagnosticCodes.FunctionNotSupported, e,
                $"{Dialect.DisplayName} cannot make one row per {ElementName(e.Kind)} in step '{e.Name}': {sql.Unavailable}", sql.Workaround ?? "");
            return Select(Columns(e.Schema, null), _relation(e.Input));
        }
        if (e.DistanceColumn is not null && sql.Distance is null)
        {
            _context.ReportOnce(DiagnosticCodes.FunctionNotSupported, e,
                $"{Dialect.DisplayName} cannot give the distance of each {ElementName(e.Kind)} in step '{e.Name}'", "drop the distance column, or compute it with a grid distance function");
            return Select(Columns(e.Schema, null), _relation(e.Input));
        }
        if (sql.Note is { } note) _context.ReportOnce(note.Descriptor, e, $"{Dialect.DisplayName}: the {ElementName(e.Kind)} of step '{e.Name}' {note.Message}", note.Hint ?? "");
        var toolbox = sql.Join.CallsToolbox || sql.Element.CallsToolbox || sql.Distance?.CallsToolbox == true ? _context.Toolbox(e, ElementName(e.Kind) + "s") : null;
        var element = sql.Element.Render(args, toolbox);
        SqlFragment? distance = e.DistanceColumn is null ? null : sql.Distance!.Render(args, toolbox);
        var items = e.Schema.IsOpen
            ? [LeftAlias + ".*", Item(element, e.Column), .. distance is { } d ? [Item(d, e.DistanceColumn!)] : Array.Empty<string>()]
            : e.Schema.Columns.Select(c => string.Equals(c.Name, e.Column, StringComparison.OrdinalIgnoreCase) ? Item(element, c.Name)
                : distance is { } d && string.Equals(c.Name, e.DistanceColumn, StringComparison.OrdinalIgnoreCase) ? Item(d, c.Name)
                : LeftAlias + "." + Dialect.Identifier(c.Name)).ToList();
        return Select(items, $"{_relation(e.Input)} AS {LeftAlias}").Line(sql.Join.Render(args, toolbox).Text);
    }

    private static string ElementName(ExplodeKind kind) => kind switch
    {
        ExplodeKind.GeometryParts => "geometry part",
        ExplodeKind.VoronoiPolygons => "Voronoi polygon",
        ExplodeKind.VoronoiLines => "Voronoi edge",
        ExplodeKind.DelaunayTriangles => "Delaunay triangle",
        ExplodeKind.DelaunayLines => "Delaunay edge",
        ExplodeKind.H3PolyfillCenter or ExplodeKind.H3PolyfillIntersects or ExplodeKind.H3PolyfillContains => "H3 cell of a polygon",
        ExplodeKind.H3KRing => "H3 cell of a k-ring",
        ExplodeKind.H3Children => "H3 child cell",
        ExplodeKind.QuadbinPolyfillCenter or ExplodeKind.QuadbinPolyfillIntersects or ExplodeKind.QuadbinPolyfillContains => "Quadbin cell of a polygon",
        ExplodeKind.QuadbinKRing => "Quadbin cell of a k-ring",
        ExplodeKind.QuadbinChildren => "Quadbin child cell",
        _ => kind.ToString(),
    };
}
