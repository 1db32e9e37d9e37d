using System.Collections.Immutable;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components.Library;

/// <summary>
/// What the CARTO Analytics Toolbox's statistics on a grid (<c>native.getisord</c>, <c>native.localmoransi</c>, <c>native.moransi</c>) have in
/// common: a column of cells and a numeric value column of the input, a k-ring size, and a procedure per grid,
/// <c>NAME_H3_TABLE</c> or <c>NAME_QUADBIN_TABLE</c>, called on BigQuery with the input's query and the output table
/// first. The product picks the procedure at run time with an internal check of the column; cwf from its type
/// (string: H3, int64: Quadbin). The step's rows are the procedure's, one per cell.
/// </summary>
internal static class GridStatistic
{
    /// <summary>Moran's I's parameters, local and global: the cells, the value, the k-ring size and the weights' decay.</summary>
    public static Seq<ComponentParameter> MoransIParameters { get; } =
    [
        ComponentParameter.Column("indexcol"), ComponentParameter.Column("valuecol"),
        new("size", ParameterKind.Integer, Required: false, Default: "3"),
        ComponentParameter.Selection("decay", ["uniform", "inverse", "inverse_square", "exponential"], "uniform"),
    ];

    /// <summary>The index and value columns and the size, checked; null after reporting why.</summary>
    public static (Column Index, Column Value, long Size)? Read(ComponentLoweringContext cx, int source, string what)
    {
        var v = cx.Values;
        if ((v.Column("indexcol"), v.Column("valuecol"), v.Integer("size")) is not ({ } indexArg, { } valueArg, { } size) || v.Failed) return null;
        var index = cx.Resolve(source, indexArg, t => t is SqlType.String or SqlType.Int64, "a column of H3 cells (string) or Quadbin cells (int64)");
        if (index is null || cx.ResolveNumeric(source, valueArg) is not { } value) return null;
        if (index.Type == SqlType.Unknown)
        {
            cx.Diagnostics.Report(DiagnosticCodes.ColumnTypeMismatch, indexArg.Location,
                $"the type of column '{index.Name}' is unknown, so cwf cannot tell H3 cells (string) from Quadbin cells (int64)",
                "cast the column to string (H3) or int64 (Quadbin) first");
            return null;
        }
        if (size is not Literal { Value: long k } || k is < 1 or > 10)
        {
            cx.Diagnostics.Report(DiagnosticCodes.GridStatisticValue, v.LocationOf("size"),
                $"the {what} size (the k-ring around each cell) must be a constant whole number from 1 to 10: the toolbox procedure takes it as a literal",
                "write a number such as 3");
            return null;
        }
        return (index, value, k);
    }

    /// <summary>
    /// The step: <c>CALL {toolbox}.NAME_H3_TABLE(input, output, index, value, size, options...)</c> (or the Quadbin
    /// one) on BigQuery, whose table holds <paramref name="columns"/> after <c>index</c>; null where no source shows
    /// the table's columns: an open schema, reported (CWF2812).
    /// </summary>
    public static void Output(ComponentLoweringContext cx, string component, int source, string name, string reference,
        (Column Index, Column Value, long Size) read, Seq<ToolboxArgument> options, Seq<Column>? columns)
    {
        var procedure = $"{name}_{(read.Index.Type == SqlType.String ? "H3" : "QUADBIN")}_TABLE";
        Seq<ToolboxArgument> arguments =
        [
            new ToolboxArgument.InputQuery(), new ToolboxArgument.OutputTable(), new ToolboxArgument.Text(read.Index.Name),
            new ToolboxArgument.Text(read.Value.Name), new ToolboxArgument.Integer(read.Size), .. options,
        ];
        var call = new ToolboxCall(procedure, [new ToolboxSignature("bigquery", arguments)], reference);
        var schema = columns is { } known ? new Schema([new Column("index", read.Index.Type, Nullable: true), .. known]) : Schema.Open;
        if (columns is null)
            cx.Diagnostics.Report(DiagnosticCodes.UncheckedSchema, cx.Step.Origin,
                $"no export or documentation shows the columns of the table {procedure} writes, so columns used after this step are not checked",
                "check the table's columns on the warehouse, then select them in a later step");
        cx.Output("result", cx.Builder.Opaque([source], component, null, schema, ImmutableSortedDictionary<string, string>.Empty, cx.Step.Name, cx.Step.Origin, call).Id);
    }
}
