namespace Cwf.Components;

/// <summary>The canvas input types a component parameter can have (canvas-format.md section 4).</summary>
public enum ParameterKind
{
    String,
    /// <summary>A SQL fragment in the warehouse's dialect.</summary>
    StringSql,
    /// <summary>A number or a numeric string.</summary>
    Number,
    /// <summary>A Number that must be integral ("10" and "10.0" pass, "10.5" fails).</summary>
    Integer,
    Boolean,
    /// <summary>One column name of the parent input.</summary>
    Column,
    /// <summary>Several column names: an array of strings or one comma-separated string.</summary>
    ColumnList,
    /// <summary>One of a fixed list of option strings.</summary>
    Selection,
    /// <summary>A flat "col,method,col,method" string.</summary>
    ColumnAggregation,
    /// <summary>A fully qualified destination table name.</summary>
    OutputTable,
    Json,
}
