namespace Cwf.Ir;

/// <summary>
/// A CARTO Analytics Toolbox procedure an <see cref="OpaqueNode"/> stands for (issue 17: the components that
/// call an external service, such as <c>native.isolines</c>): its name and, per warehouse whose toolbox has
/// it, its arguments. The procedure reads the step's input through a query and writes a table, which the
/// following steps read; the step's declared schema says what that table holds. It cannot run in process.
/// </summary>
public sealed record ToolboxCall(string Procedure, Seq<ToolboxSignature> Signatures, string Reference)
{
    /// <summary>The arguments on <paramref name="warehouse"/> (a dialect's name), or null where the toolbox lacks the procedure.</summary>
    public ToolboxSignature? For(string warehouse) => Signatures.FirstOrDefault(s => s.Warehouse == warehouse);

    public override string ToString() => $"call {Procedure} [{string.Join("; ", Signatures)}]";
}

/// <summary>The procedure's arguments on one warehouse; with <see cref="CopiesInput"/> the procedure alters a table that holds the input's rows.</summary>
public sealed record ToolboxSignature(string Warehouse, Seq<ToolboxArgument> Arguments, bool CopiesInput = false)
{
    public override string ToString() => $"{Warehouse}({string.Join(", ", Arguments)}){(CopiesInput ? " on a copy" : "")}";
}

/// <summary>An argument of a toolbox procedure, written through the dialect's quoting functions.</summary>
public abstract record ToolboxArgument
{
    /// <summary>The step's input rows as the text of a query.</summary>
    public sealed record InputQuery : ToolboxArgument
    {
        public override string ToString() => "input";
    }

    /// <summary>The name of the table the procedure writes (or alters), as text.</summary>
    public sealed record OutputTable : ToolboxArgument
    {
        public override string ToString() => "output";
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

    public sealed record Null : ToolboxArgument
    {
        public override string ToString() => "NULL";
    }
}
