using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>The explode step: the input's rows joined laterally to the elements of their value.</summary>
internal sealed partial class QueryWriter
{
    private SqlBlock WriteExplode(ExplodeNode e)
    {
        var sql = Dialect.Explode(e.Kind);
        var value = new ExpressionWriter(_context, e, ExpressionWriter.Qualified(Dialect, LeftAlias)).Write(e.Value);
        if (sql.Join is null || sql.Element is null)
        {
            _context.ReportOnce(DiagnosticCodes.FunctionNotSupported, e,
                $"{Dialect.DisplayName} cannot make one row per {ElementName(e.Kind)} in step '{e.Name}': {sql.Unavailable}", sql.Workaround ?? "");
            return Select(Columns(e.Schema, null), _relation(e.Input));
        }
        if (sql.Note is { } note) _context.ReportOnce(note.Descriptor, e, $"{Dialect.DisplayName}: the {ElementName(e.Kind)} of step '{e.Name}' {note.Message}", note.Hint ?? "");
        var toolbox = sql.Join.CallsToolbox || sql.Element.CallsToolbox ? _context.Toolbox(e, ElementName(e.Kind) + "s") : null;
        var element = sql.Element.Render([value], toolbox);
        var items = e.Schema.IsOpen
            ? [LeftAlias + ".*", Item(element, e.Column)]
            : e.Schema.Columns.Select(c => string.Equals(c.Name, e.Column, StringComparison.OrdinalIgnoreCase)
                ? Item(element, c.Name)
                : LeftAlias + "." + Dialect.Identifier(c.Name)).ToList();
        return Select(items, $"{_relation(e.Input)} AS {LeftAlias}").Line(sql.Join.Render([value], toolbox).Text);
    }

    private static string ElementName(ExplodeKind kind) => kind switch
    {
        ExplodeKind.GeometryParts => "geometry part",
        ExplodeKind.VoronoiPolygons => "Voronoi polygon",
        ExplodeKind.VoronoiLines => "Voronoi edge",
        ExplodeKind.DelaunayTriangles => "Delaunay triangle",
        ExplodeKind.DelaunayLines => "Delaunay edge",
        _ => kind.ToString(),
    };
}
