using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components;

/// <summary>
/// The .cwf binder at one step of a pipeline: the relation so far (its IR node, and the names its columns
/// can be referred to by, which only the binder knows) and how to bind syntax against it. A component binds
/// the steps it owns with these operations; the binder implements them (Binding/ProgramBinder.Steps.cs).
/// </summary>
public abstract class StepBinding
{
    /// <summary>The workflow being built and the diagnostics.</summary>
    public abstract LoweringContext Lowering { get; }

    /// <summary>The IR node of the relation so far.</summary>
    public abstract int Node { get; }

    /// <summary>The name and place of the step being bound.</summary>
    public abstract StepInfo Step { get; }

    public abstract Location Locate(SyntaxNode node);

    /// <summary>An expression over the relation's columns and the parameters; null after reporting why.</summary>
    /// <param name="what">What it is, for messages: "a sort key".</param>
    public abstract Expr? Scalar(ExpressionSyntax expression, string what);

    /// <summary>
    /// A length in meters for a step argument (<c>by 300 m</c>, <c>by @radius</c>, <c>by radius km</c>): a plain number
    /// is read in <paramref name="unit"/> (meters when none is written), a length is taken as it is; null after reporting why.
    /// </summary>
    public abstract Expr? Length(ExpressionSyntax expression, string? unit, string what);

    /// <summary>A window column (<c>row_number() over (...)</c>) named <paramref name="name"/>; null after reporting why not.</summary>
    public abstract WindowCall? Window(WindowCallSyntax expression, string name);

    /// <summary>Order keys of a window or a per-group step; null after reporting why not.</summary>
    public abstract Seq<WindowKey>? WindowKeys(Seq<WindowKeySyntax> keys, string what);

    /// <summary>The column a step argument names (bare or qualified), as a component parameter takes it; null after reporting why.</summary>
    public abstract ColumnArg? Column(NameSyntax name);

    /// <summary>Another source or let, its columns qualified by the name as written; null after reporting why.</summary>
    public abstract StepBinding? Relation(IdentifierSyntax name);

    /// <summary>The pipeline after a step that keeps the relation's columns and names (filter, derive, buffer ...).</summary>
    public abstract StepBinding Next(int node);

    public StepBinding? Next(int? node) => node is { } id ? Next(id) : null;

    /// <summary>The pipeline after a step whose columns are new (select, group, union, sql): only the relation's own name qualifies them.</summary>
    public abstract StepBinding Reshaped(int node);

    public StepBinding? Reshaped(int? node) => node is { } id ? Reshaped(id) : null;

    /// <summary>The pipeline after renaming <paramref name="column"/>: qualified names of it keep working under the new name.</summary>
    public abstract StepBinding Renamed(int node, string column, string newName);

    /// <summary>A select list (<c>*</c> expanded) with where each column is written; null after an error.</summary>
    public abstract IReadOnlyList<(NamedExpr Column, SyntaxNode Site)>? SelectItems(Seq<SelectItemSyntax> items);

    /// <summary>An aggregate (<c>sum(x)</c>, <c>count()</c>, <c>count(distinct x)</c>), named <paramref name="name"/> or by default.</summary>
    public abstract AggregateCall? Aggregate(ExpressionSyntax expression, string? name, SyntaxNode site, string what);

    /// <summary>The canvas method and column of an aggregate written as the canvas writes it (<c>sum(x)</c>, <c>count(distinct x)</c>), else null.</summary>
    public abstract (string Method, NameSyntax Column)? CanvasAggregation(ExpressionSyntax expression);

    /// <summary>A schema written in the program (<c>returns { ... }</c>); null after reporting its problems.</summary>
    public abstract Schema? DeclaredSchema(Seq<ColumnDeclarationSyntax> columns, string owner);

    /// <summary>The relation so far joined with <paramref name="other"/>: both sides in scope; null when other is unknown (reported).</summary>
    public abstract JoinBinding? Join(IdentifierSyntax other);

    public DiagnosticBag Diagnostics => Lowering.Diagnostics;
}
