using Cwf.Ir;

namespace Cwf.Syntax;

/// <summary>
/// <c>assert orders unique(order_id)</c>, <c>assert table "s.t" rows between 1 and 100</c>: one data
/// check on a let result or on the rows an output writes (spec/language.md "Data checks").
/// Exactly one of <see cref="Relation"/> and <see cref="Table"/> is set.
/// </summary>
public sealed record AssertStatementSyntax(IdentifierSyntax? Relation, TableNameSyntax? Table, CheckSyntax Check) : StatementSyntax
{
    /// <summary>The checked name as the check's label starts: the let name, or the table name.</summary>
    public string Target => Relation is { } r ? ExpressionPrinter.Name(r.Name) : Table!.Text;

    /// <summary>How messages name the check: <c>orders.unique(order_id)</c>.</summary>
    public string Label => Target + "." + Check.Text();
}

/// <summary>What an assert statement checks.</summary>
public abstract record CheckSyntax : SyntaxNode
{
    /// <summary>The check in canonical form, as the formatter prints it and messages name it.</summary>
    public abstract string Text();

    protected static string NameList(Seq<NameSyntax> columns) => string.Join(", ", columns.Select(ExpressionPrinter.Name));
}

/// <summary><c>unique(a, b)</c>: no two rows share a key whose columns are all non-NULL.</summary>
public sealed record UniqueCheckSyntax(Seq<NameSyntax> Columns) : CheckSyntax
{
    public override string Text() => $"unique({NameList(Columns)})";
}

/// <summary><c>not_null(a, b)</c>: no row has a NULL in any of the columns.</summary>
public sealed record NotNullCheckSyntax(Seq<NameSyntax> Columns) : CheckSyntax
{
    public override string Text() => $"not_null({NameList(Columns)})";
}

/// <summary><c>rows between 1 and 100</c>: the row count lies in the range (both ends included).</summary>
public sealed record RowsCheckSyntax(long Low, long High) : CheckSyntax
{
    public override string Text() => $"rows between {Low} and {High}";
}

/// <summary><c>accepted_values(status, ['open', 'closed'])</c>: every non-NULL value is one of the list.</summary>
public sealed record AcceptedValuesCheckSyntax(NameSyntax Column, Seq<ExpressionSyntax> Values) : CheckSyntax
{
    public override string Text() =>
        $"accepted_values({ExpressionPrinter.Name(Column)}, [{string.Join(", ", Values.Select(ExpressionPrinter.Print))}])";
}

/// <summary><c>expression amount >= 0</c>: no row where the condition is false (NULL passes, as in a CHECK constraint).</summary>
public sealed record ExpressionCheckSyntax(ExpressionSyntax Condition) : CheckSyntax
{
    public override string Text() => "expression " + ExpressionPrinter.Print(Condition);
}
