using Cwf.Ir;
using F = Cwf.Ir.Functions;

namespace Cwf.Emit;

/// <summary>
/// Where a dialect's SQL calls the CARTO Analytics Toolbox (H3 on BigQuery, Quadbin everywhere):
/// one location per compilation (<see cref="EmitOptions.Toolbox"/>, else <see cref="DefaultToolbox"/>),
/// written through <see cref="Identifier"/> like any other name, and one warning per script that says
/// where the SQL expects it. Templates name it <see cref="SqlTemplate.ToolboxPlaceholder"/>.
/// </summary>
public abstract partial class Dialect
{
    /// <summary>The documented default location of the toolbox on this warehouse; null where CARTO publishes no toolbox.</summary>
    public virtual TableName? DefaultToolbox => null;

    /// <summary>An example of another location, for the hint (BigQuery's EU project).</summary>
    protected virtual string ToolboxExample => "analytics.carto";

    /// <summary>The toolbox location as SQL: each part an identifier (<c>`carto-un`.carto</c>).</summary>
    public string ToolboxPrefix(TableName location) => string.Join(".", location.Parts.Select(Identifier));

    /// <summary>The per-script note of a toolbox call: where the SQL expects the toolbox, and how to point it elsewhere.</summary>
    public FunctionNote ToolboxNote(string prefix) => FunctionNote.Requires(
        $"the CARTO Analytics Toolbox for {DisplayName} ({prefix})",
        $"install the toolbox there, or give its location with --toolbox (or \"toolbox\" in the catalog), e.g. --toolbox {ToolboxExample}");

    /// <summary>
    /// The enrichment procedures' <c>variables</c> (<see cref="ToolboxArgument.Variables"/>): (column, aggregation)
    /// pairs in the form this warehouse's toolbox takes them (an array of structs, or JSON text), every value inside a
    /// string literal; null where cwf does not write them, which makes the step CWF6002.
    /// </summary>
    public virtual string? ToolboxVariables(IReadOnlyList<ToolboxVariable> variables) => null;

    /// <summary>An array of text, the form of the toolbox's <c>output</c> argument where it is one (<see cref="ToolboxArgument.OutputTableArray"/>); null where cwf does not write one.</summary>
    public virtual string? ToolboxTextArray(IReadOnlyList<string> items) => null;

    /// <summary>
    /// Named values as one record (<see cref="ToolboxArgument.Record"/>, <c>CREATE_TILESET</c>'s options), each value already
    /// written as SQL; null where cwf does not write one, which makes the step CWF6002.
    /// </summary>
    public virtual string? ToolboxRecord(IReadOnlyList<(string Name, string Value)> fields) => null;

    /// <summary>
    /// The Quadbin functions, which only the toolbox has (on every warehouse it supports, under the same
    /// names); <paramref name="resolution"/> is how the resolution argument is passed (a cast where the
    /// toolbox's function takes a 32-bit integer and the warehouse does not convert a bigint to it).
    /// </summary>
    protected static (BuiltinFunction, FunctionMapping)[] QuadbinToolbox(string resolution = "{1}") =>
    [
        (F.QuadbinFromPoint, $"{{toolbox}}.QUADBIN_FROMGEOGPOINT({{0}}, {resolution})"),
        (F.QuadbinBoundary, "{toolbox}.QUADBIN_BOUNDARY({0})"),
        (F.QuadbinCenter, "{toolbox}.QUADBIN_CENTER({0})"),
        (F.QuadbinResolution, "{toolbox}.QUADBIN_RESOLUTION({0})"),
        (F.QuadbinToParent, $"{{toolbox}}.QUADBIN_TOPARENT({{0}}, {resolution})"),
    ];

    /// <summary>The Quadbin functions on a warehouse for which CARTO publishes no toolbox: each a CWF6002 with <paramref name="workaround"/>.</summary>
    protected static (BuiltinFunction, FunctionMapping)[] NoQuadbin(string warehouse, string workaround) =>
        [.. F.All.Where(f => f.Category == FunctionCategory.Quadbin).Select(f => (f, FunctionMapping.NotAvailable(
            $"{warehouse} has no Quadbin functions and the CARTO Analytics Toolbox has no {warehouse} edition", workaround)))];
}
