using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Cwf.Ir;

/// <summary>
/// A step cwf cannot see into. Either custom SQL (<paramref name="SqlTemplate"/> set: a SELECT
/// in which <c>$a</c>, <c>$b</c>, <c>$c</c> stand for the inputs in order), or a component cwf
/// does not know (<paramref name="SqlTemplate"/> null: backends refuse to emit it). Its schema
/// is declared, inferred, or open (unknown: downstream columns pass unchecked); it may read
/// any column of its inputs.
/// </summary>
public sealed partial record OpaqueNode(
    int Id,
    string Name,
    Seq<int> Sources,
    string Component,
    string? SqlTemplate,
    Schema DeclaredSchema,
    ImmutableSortedDictionary<string, string> Properties) : RelNode(Id, Name)
{
    /// <summary>The toolbox procedure an external-service component calls; null for custom SQL and unknown components.</summary>
    public ToolboxCall? Call { get; init; }

    /// <summary>
    /// The CALL statement of a procedure step (<c>native.call</c>), kept as written: <c>$a</c>, <c>$b</c> name the
    /// tables that hold the inputs, <c>$output</c> the table the procedure creates, which the following steps read.
    /// Null for every other opaque step.
    /// </summary>
    public string? Statement { get; init; }

    /// <summary>
    /// Whether <see cref="Statement"/> names the table the procedure creates (<c>$output</c>, bare or quoted). A call
    /// that does not creates nothing the following steps could read (CWF2212) and leaves no table to drop. Read as
    /// text, as the placeholders of custom SQL are checked: a <c>$output</c> in a comment counts.
    /// </summary>
    public bool StatementNamesOutput => Statement is not null && OutputPlaceholder().IsMatch(Statement);

    [GeneratedRegex(@"\$output(?![a-zA-Z0-9_$])")]
    private static partial Regex OutputPlaceholder();

    /// <summary>Whether the step is a procedure that writes a table of its own (<see cref="Call"/> or <see cref="Statement"/>): only a script can run it.</summary>
    public bool WritesTable => Call is not null || Statement is not null;

    /// <summary>
    /// Whether the step acts on the warehouse as a sink does, so that it runs even when nothing reads it: a procedure
    /// call (<see cref="Statement"/>), or a toolbox call that writes a table the workflow names (<see cref="ToolboxCall.Destination"/>).
    /// </summary>
    public bool RunsUnread => Statement is not null || Call?.Destination is not null;

    public override string OperatorName => "opaque";
    public override Seq<int> Inputs => Sources;
    public override RelNode WithInputs(Seq<int> inputs) => this with { Sources = inputs };
    public override Seq<Expr> Expressions => [];
    public override RelNode WithExpressions(Seq<Expr> expressions) => this;
    public override Seq<IReadOnlySet<string>?> ColumnsRead(IReadOnlySet<string>? needed) => Sources.Map(_ => (IReadOnlySet<string>?)null);

    public override string Describe(Func<int, string> inputName) =>
        $"opaque {Component} {string.Join(" ", Sources.Select(inputName))}" +
        (SqlTemplate is null ? "" : $" sql{{{SqlTemplate}}}") +
        (Properties.IsEmpty ? "" : " {" + string.Join(", ", Properties.Select(kv => $"{kv.Key}={kv.Value}")) + "}") +
        (Call is null ? "" : " " + Call) +
        (Statement is null ? "" : $" call{{{Statement}}}");

    public override T Accept<T>(IRelNodeVisitor<T> visitor) => visitor.VisitOpaque(this);
    protected override Schema DeriveSchema(IReadOnlyList<Schema> inputs) => DeclaredSchema;

    public bool IsCustomSql => SqlTemplate is not null;

    /// <summary>The placeholder that stands for input <paramref name="index"/> in the template: $a, $b, $c...</summary>
    public static string Placeholder(int index) => "$" + (char)('a' + index);

    public bool Equals(OpaqueNode? other) =>
        other is not null && base.Equals(other) && Sources == other.Sources && Component == other.Component &&
        SqlTemplate == other.SqlTemplate && DeclaredSchema.Equals(other.DeclaredSchema) && Properties.SequenceEqual(other.Properties) &&
        Equals(Call, other.Call) && Statement == other.Statement;

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Sources, Component, SqlTemplate, DeclaredSchema);
}
