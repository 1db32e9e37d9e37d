namespace Cwf.Ir;

/// <summary>
/// A CARTO Analytics Toolbox procedure an <see cref="OpaqueNode"/> stands for (issue 17: the components that
/// call an external service, such as <c>native.isolines</c>): its name and, per warehouse whose toolbox has
/// it, its arguments. The procedure reads the step's input through a query and writes a table, which the
/// following steps read; the step's declared schema says what that table holds. It cannot run in process.
/// </summary>
public sealed record ToolboxCall(string Procedure, Seq<ToolboxSignature> Signatures, string Reference)
{
    /// <summary>
    /// The table the workflow names for the procedure to write (a tileset), instead of a work table: the script drops it
    /// before the call, since the procedure fails on an existing table, and keeps it afterwards; the step runs even when
    /// nothing reads it, as a sink does. Null for a work table.
    /// </summary>
    public TableName? Destination { get; init; }

    /// <summary>What to do on a warehouse whose toolbox lacks the procedure, for the hint of its CWF6002; null when only the listed warehouses serve.</summary>
    public string? Alternative { get; init; }

    /// <summary>The arguments on <paramref name="warehouse"/> (a dialect's name), or null where the toolbox lacks the procedure.</summary>
    public ToolboxSignature? For(string warehouse) => Signatures.FirstOrDefault(s => s.Warehouse == warehouse);

    /// <summary>
    /// A procedure of the toolbox's location data services module (<c>lds</c>: isolines, geocoding), which BigQuery,
    /// Snowflake and Redshift have with the same <paramref name="arguments"/>, except that BigQuery's takes the
    /// service's API base URL and token first: NULL, so that it uses the ones the toolbox was set up with.
    /// </summary>
    public static ToolboxCall LocationDataService(string procedure, Seq<ToolboxArgument> arguments, string reference, bool copiesInput = false) =>
        new(procedure,
        [
            new ToolboxSignature("bigquery", [new ToolboxArgument.Null(), new ToolboxArgument.Null(), .. arguments], copiesInput),
            new ToolboxSignature("snowflake", arguments, copiesInput),
            new ToolboxSignature("redshift", arguments, copiesInput),
        ], reference);

    public override string ToString() => $"call {Procedure}{(Destination is null ? "" : $" -> {Destination}")} [{string.Join("; ", Signatures)}]";
}

/// <summary>The procedure's arguments on one warehouse; with <see cref="CopiesInput"/> the procedure alters a table that holds the input's rows.</summary>
public sealed record ToolboxSignature(string Warehouse, Seq<ToolboxArgument> Arguments, bool CopiesInput = false)
{
    public override string ToString() => $"{Warehouse}({string.Join(", ", Arguments)}){(CopiesInput ? " on a copy" : "")}";
}

/// <summary>An argument of a toolbox procedure, written through the dialect's quoting functions.</summary>
public abstract record ToolboxArgument
{
    /// <summary>
    /// The rows of the step's input <paramref name="Index"/> (the first by default) as the text of a query; <paramref name="Parenthesized"/>
    /// where the procedure tells a query from a table name by its parentheses (<c>CREATE_TILESET</c>).
    /// </summary>
    public sealed record InputQuery(int Index = 0, bool Parenthesized = false) : ToolboxArgument
    {
        public override string ToString()
        {
            var input = Index == 0 ? "input" : $"input {Index}";
            return Parenthesized ? $"({input})" : input;
        }
    }

    /// <summary>The name of the table the procedure writes (or alters), as text.</summary>
    public sealed record OutputTable : ToolboxArgument
    {
        public override string ToString() => "output";
    }

    /// <summary>
    /// The name of the table the procedure writes as the one item of an array of text, the form of the toolbox's
    /// <c>output</c> argument that may also carry a clause (<c>['table']</c> on BigQuery, <c>ARRAY_CONSTRUCT('table')</c> on Snowflake).
    /// </summary>
    public sealed record OutputTableArray : ToolboxArgument
    {
        public override string ToString() => "[output]";
    }

    /// <summary>
    /// The columns to aggregate and how, the enrichment procedures' <c>variables</c>: an array of (column, aggregation)
    /// structs, which each warehouse writes in its own syntax (<c>Dialect.ToolboxVariables</c>).
    /// </summary>
    public sealed record Variables(Seq<ToolboxVariable> Items) : ToolboxArgument
    {
        public override string ToString() => "[" + string.Join(", ", Items) + "]";
    }

    public sealed record Text(string Value) : ToolboxArgument
    {
        public override string ToString() => "'" + Value + "'";
    }

    public sealed record Number(double Value) : ToolboxArgument
    {
        public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A whole number, for arguments the procedure declares INT64 (a k-ring size).</summary>
    public sealed record Integer(long Value) : ToolboxArgument
    {
        public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public sealed record Boolean(bool Value) : ToolboxArgument
    {
        public override string ToString() => Value ? "true" : "false";
    }

    public sealed record Null : ToolboxArgument
    {
        public override string ToString() => "NULL";
    }

    /// <summary>
    /// One of the account's CARTO credentials, which the workflow never holds: the compilation gives it (a string literal),
    /// else NULL, which makes the toolbox use those its SETUP stored.
    /// </summary>
    public sealed record Credential(CartoCredential Which) : ToolboxArgument
    {
        public override string ToString() => Which == CartoCredential.ApiBaseUrl ? "api_base_url" : "api_access_token";
    }

    /// <summary>
    /// The name of the CARTO connection the workflow runs on (IMPORT_URL's <c>connection</c>), which the workflow does not
    /// hold either: the compilation gives it, else the warehouse's name.
    /// </summary>
    public sealed record Connection : ToolboxArgument
    {
        public override string ToString() => "connection";
    }

    /// <summary>
    /// Named values passed as one record, the options of <c>CREATE_TILESET</c> (a <c>STRUCT</c> on BigQuery), which each
    /// warehouse writes in its own syntax (<c>Dialect.ToolboxRecord</c>); every value is itself a plain argument.
    /// </summary>
    public sealed record Record(Seq<ToolboxField> Fields) : ToolboxArgument
    {
        public override string ToString() => "{" + string.Join(", ", Fields) + "}";
    }
}

/// <summary>One named value of a <see cref="ToolboxArgument.Record"/>.</summary>
public sealed record ToolboxField(string Name, ToolboxArgument Value)
{
    public override string ToString() => $"{Name}: {Value}";
}

/// <summary>One enrichment variable: a column of the enrichment data and the toolbox aggregation (sum, avg, min, max, count) that adds <c>column_aggregation</c>.</summary>
public sealed record ToolboxVariable(string Column, string Aggregation)
{
    public override string ToString() => $"({Column}, {Aggregation})";
}
