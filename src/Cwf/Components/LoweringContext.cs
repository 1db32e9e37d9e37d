using System.Runtime.InteropServices;
using Cwf.Diagnostics;
using Cwf.Ir;

namespace Cwf.Components;

/// <summary>What every component lowering needs: the workflow being built and the diagnostics sink.</summary>
public class LoweringContext(WorkflowBuilder builder, DiagnosticBag diagnostics)
{
    public WorkflowBuilder Builder { get; } = builder;
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>The column of that name in the input's schema, or null after reporting it unknown (with a suggestion).</summary>
    public Column? Resolve(int input, ColumnArg arg, string? inputName = null)
    {
        var schema = Builder.SchemaOf(input);
        if (schema.Find(arg.Name) is { } column) return column;
        var where = inputName ?? Builder[input].Name;
        Diagnostics.Report(DiagnosticCodes.UnknownColumn, arg.Location,
            $"unknown column '{arg.Name}'{(string.IsNullOrEmpty(where) ? "" : $" in '{where}'")}",
            NameSuggestions.Hint(arg.Name, [.. schema.Names]));
        return null;
    }

    /// <summary>Resolves a column and checks its type; reports the expected type when it does not fit.</summary>
    public Column? Resolve(int input, ColumnArg arg, Func<SqlType, bool> accepts, string expected, string? inputName = null)
    {
        var column = Resolve(input, arg, inputName);
        if (column is null || accepts(column.Type) || column.Type == SqlType.Unknown) return column;
        Diagnostics.Report(DiagnosticCodes.ColumnTypeMismatch, arg.Location,
            $"column '{column.Name}' is {column.Type.Name()}, but {expected} is expected here");
        return null;
    }

    public Column? ResolveGeography(int input, ColumnArg arg, string? inputName = null) =>
        Resolve(input, arg, t => t == SqlType.Geography, "a geography column", inputName);

    public Column? ResolveNumeric(int input, ColumnArg arg, string? inputName = null) =>
        Resolve(input, arg, t => t.IsNumeric(), "a numeric column", inputName);

    /// <summary>
    /// Whether the input's columns are known. A step whose output lists every input column (add,
    /// rename, drop, join) cannot be built over an open schema (custom SQL with unknown result
    /// columns): that is reported as an error asking for the schema.
    /// </summary>
    public bool RequireKnownColumns(int input, StepInfo step, string what)
    {
        if (!Builder.SchemaOf(input).IsOpen) return true;
        Diagnostics.Report(DiagnosticCodes.UnknownInputColumns, step.Origin,
            $"{what} must list the columns of '{Builder[input].Name}', but they are unknown (custom SQL whose result columns cwf could not tell)",
            "declare the custom SQL's result columns (the node's data.schema on a canvas, `returns { ... }` in .cwf)");
        return false;
    }

    /// <summary>
    /// A Project that keeps every input column and adds <paramref name="name"/>; an existing column of
    /// that name (ignoring case) is replaced in place, with a warning (contract 5a.9). Null (reported)
    /// when the input's columns are unknown.
    /// </summary>
    public int? AddColumn(int input, string name, Expr expr, StepInfo step)
    {
        if (!RequireKnownColumns(input, step, $"adding the column '{name}'")) return null;
        var schema = Builder.SchemaOf(input);
        int existing = schema.IndexOf(name);
        if (existing >= 0)
            Diagnostics.Report(DiagnosticCodes.ColumnReplaced, step.Origin,
                $"the new column '{name}' replaces the existing column '{schema[existing].Name}'",
                "rename one of them to keep both");
        var columns = new NamedExpr[existing < 0 ? schema.Count + 1 : schema.Count];
        for (int i = 0; i < schema.Count; i++) columns[i] = i == existing ? new NamedExpr(name, expr) : PassThrough(schema[i]);
        if (existing < 0) columns[^1] = new NamedExpr(name, expr);
        return Builder.Project(input, ImmutableCollectionsMarshal.AsImmutableArray(columns), step.Name, step.Origin).Id;
    }

    public static NamedExpr PassThrough(Column column) => column.PassThrough;

    /// <summary>Reports each output name that repeats an earlier one (ignoring case); true when all are distinct.</summary>
    public bool CheckUniqueNames(IEnumerable<(string Name, Location Location)> names)
    {
        var seen = new SeenNames();
        bool ok = true;
        foreach (var (name, location) in names)
        {
            if (seen.Add(name)) continue;
            Diagnostics.Report(DiagnosticCodes.DuplicateOutputColumn, location, $"the output column '{name}' appears twice",
                "give one of them another name");
            ok = false;
        }
        return ok;
    }
}
