using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary><c>ReadTable</c>: a table of the warehouse, <c>source name = table "s.t"</c> in .cwf.</summary>
public sealed class ReadTableComponent : SourceComponent
{
    public override string Id => "ReadTable";
    public override string Title => "Read table";
    public override ComponentCategory Category => ComponentCategory.Internal;
    public override Seq<string> Outputs { get; } = ["out"];
    public override Seq<ComponentParameter> Parameters { get; } = [new("source", ParameterKind.String)];

    public override ComponentDoc Doc { get; } = new(
        "`source name = table \"s.t\" [{ ... }]` (a statement)",
        "`Scan` (schema: `data.schema`, else the catalog, else CWF3040)",
        "the table's columns");

    public override void Lower(CanvasLoweringContext cx)
    {
        if (cx.Values.Table("source") is not { } table || cx.TableSchema(table, "source") is not { } schema) return;
        cx.Output("out", ComponentLowering.ReadTable(cx, table, schema, cx.Step));
    }

    public override SourceStatementSyntax Decompile(ComponentDecompilingContext cx)
    {
        var scan = (ScanNode)cx.Ir("out")!;
        return new SourceStatementSyntax(cx.OutputName("out"), new TableNameSyntax(scan.Table.ToString()),
            cx.DeclaredSchema is { } schema ? DecompiledSyntax.Declarations(schema) : null);
    }
}

public static partial class ComponentLowering
{
    /// <summary><c>ReadTable</c>: a scan of a table whose schema the caller found (node schema or catalog).</summary>
    public static int ReadTable(LoweringContext cx, TableName table, Schema schema, StepInfo step) =>
        cx.Builder.Scan(table, schema, step.Name, step.Origin).Id;
}
