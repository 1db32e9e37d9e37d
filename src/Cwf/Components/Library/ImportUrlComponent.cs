using System.Collections.Immutable;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components.Library;

/// <summary>
/// <c>native.importurl</c> (Import from URL): a table the CARTO Analytics Toolbox's <c>IMPORT_URL</c> procedure makes
/// from the file at <c>url</c>, with <c>autoguessing</c> ("Automatically guess column data types", default true) as its
/// JSON options. The columns are the file's, known only at run time: open unless the program (<c>returns</c>) or the node
/// (<c>data.schema</c>) declares them. Snowflake
/// (the form a public export shows) and Redshift (the toolbox's reference, same arguments); CWF6002 elsewhere, CWF7800
/// in process. The account's API base URL and token are not the workflow's: they come from the compilation
/// (<c>--carto-api-url</c>, <c>--carto-token</c>), else NULL, the credentials the toolbox's SETUP stored (spec/canvas.md);
/// so does the CARTO connection's name (<c>--carto-connection</c>), else the warehouse's.
/// <c>source floods = import "https://example.com/floods.csv" { autoguessing: false } returns { id: string }</c>.
/// </summary>
public sealed class ImportUrlComponent : SourceComponent
{
    /// <summary>The id, also the opaque node's component.</summary>
    internal const string ComponentId = "native.importurl";

    /// <summary>The one option of the .cwf form, the canvas input of the same name.</summary>
    internal const string AutoGuessing = "autoguessing";

    private const string Procedure = "IMPORT_URL";
    private const string Reference = "https://docs.carto.com/data-and-analysis/analytics-toolbox-for-redshift/sql-reference/import";

    public override string Id => ComponentId;
    public override string Title => "Import from URL";
    public override ComponentCategory Category => ComponentCategory.ImportExport;
    public override Seq<ComponentParameter> Parameters { get; } =
    [
        new("url", ParameterKind.String),
        new(AutoGuessing, ParameterKind.Boolean, Required: false, Default: "true"),
    ];

    public override ComponentDoc Doc { get; } = new(
        "`source name = import \"https://...\" [{ autoguessing: false }] [returns { ... }]`",
        "`Opaque` calling the toolbox's `IMPORT_URL(url, connection, output, options, api_base_url, api_access_token)` after dropping its table",
        "declared, or unknown");

    public override void Lower(CanvasLoweringContext cx)
    {
        var v = cx.Values;
        if ((v.Text("url"), v.Boolean(AutoGuessing)) is not ({ } url, { } guess) || v.Failed) return;
        cx.Output("result", ComponentLowering.ImportUrl(cx, url, guess, cx.DeclaredSchema, cx.Step, v.LocationOf("url")));
    }

    public override StatementSyntax Decompile(ComponentDecompilingContext cx)
    {
        var opaque = (OpaqueNode)cx.Ir("result")!;
        var guess = cx.Values.Boolean(AutoGuessing) ?? true;
        Seq<StepOptionSyntax> options = guess ? [] : [new StepOptionSyntax(new IdentifierSyntax(AutoGuessing), LiteralSyntax.Bool(false))];
        return new ImportStatementSyntax(cx.OutputName("result"), LiteralSyntax.String(opaque.Properties["url"]), options,
            opaque.Schema.IsOpen ? null : DecompiledSyntax.Declarations(opaque.Schema));
    }

    /// <summary>
    /// The call on each warehouse whose toolbox documents it: the connection is the CARTO connection's name (a product
    /// export passes its connection's, <c>'dvicente_shareddb'</c>), which the compilation gives, else the warehouse's name
    /// (another export's connection is named <c>'snowflake'</c>); the options are JSON text, as there.
    /// </summary>
    internal static ToolboxCall Call(string url, bool autoGuessing)
    {
        Seq<ToolboxArgument> arguments =
        [
            new ToolboxArgument.Text(url), new ToolboxArgument.Connection(), new ToolboxArgument.OutputTable(),
            new ToolboxArgument.Text($"{{\"{AutoGuessing}\": {(autoGuessing ? "true" : "false")}}}"),
            new ToolboxArgument.Credential(CartoCredential.ApiBaseUrl), new ToolboxArgument.Credential(CartoCredential.AccessToken),
        ];
        return new ToolboxCall(Procedure, [new ToolboxSignature("snowflake", arguments), new ToolboxSignature("redshift", arguments)], Reference)
        {
            Alternative = "elsewhere, load the file into a table first (CARTO's Imports API, `carto import --url`) and read it with `source name = table \"...\"`",
        };
    }
}

public static partial class ComponentLowering
{
    /// <summary>
    /// <c>native.importurl</c> and the <c>import</c> source: the opaque node that calls <c>IMPORT_URL</c>, no input, the
    /// declared columns or an open schema (with the warning that later columns are not checked); null after reporting a
    /// URL that is not an absolute http or https address.
    /// </summary>
    public static int? ImportUrl(LoweringContext cx, string url, bool autoGuessing, Schema? declared, StepInfo step, Location urlLocation)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || url.Trim().Length != url.Length)
        {
            cx.Diagnostics.Report(DiagnosticCodes.ImportUrl, urlLocation,
                $"'{url}' is not an http or https address: IMPORT_URL reads the file from a public URL",
                "write the file's full address, e.g. \"https://example.com/data/places.csv\"");
            return null;
        }
        if (declared is null)
            cx.Diagnostics.Report(DiagnosticCodes.UncheckedSchema, step.Origin,
                $"the columns of the file imported by '{step.Name}' are known only when it runs, so columns used after it are not checked",
                "declare the columns the workflow uses with 'returns { ... }' after the import");
        var properties = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
            [new KeyValuePair<string, string>("url", url), new(ImportUrlComponent.AutoGuessing, autoGuessing ? "true" : "false")]);
        return cx.Builder.Opaque([], ImportUrlComponent.ComponentId, null, declared ?? Schema.Open, properties, step.Name, step.Origin,
            ImportUrlComponent.Call(url, autoGuessing)).Id;
    }
}
