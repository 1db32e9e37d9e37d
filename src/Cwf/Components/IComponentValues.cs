using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components;

/// <summary>
/// A component's input values, read by the kinds its parameters have (canvas-format.md section 4): a
/// canvas node's inputs, or the arguments of a .cwf step in the generic form. Each reader returns null
/// after reporting why (at the value), and <see cref="Failed"/> then tells the caller not to lower the
/// component. A missing value reads as the parameter's default; a missing required value is an error.
/// </summary>
public interface IComponentValues
{
    /// <summary>Whether a value could not be read (an error was reported).</summary>
    bool Failed { get; }

    /// <summary>Where the value is written (the input's value on a canvas, the argument in .cwf).</summary>
    Location LocationOf(string name);

    /// <summary>The value as text (String, StringSql, Json ...).</summary>
    string? Text(string name);

    /// <summary>A Number: a literal (integral text gives int64), or a parameter.</summary>
    Expr? Number(string name);

    /// <summary>A whole Number: an int64 literal, or a parameter.</summary>
    Expr? Integer(string name);

    bool? Boolean(string name);

    /// <summary>A column of the parameter's parent input (not resolved yet: the component checks it against the schema).</summary>
    ColumnArg? Column(string name);

    IReadOnlyList<ColumnArg>? Columns(string name);

    /// <summary>One of the parameter's options, exactly as the contract spells it.</summary>
    string? Selection(string name);

    IReadOnlyList<AggregationArg>? Aggregations(string name);

    TableName? Table(string name);
}
