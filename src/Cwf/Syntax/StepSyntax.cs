using Cwf.Ir;

namespace Cwf.Syntax;

/// <summary>
/// One step of a pipeline (<c>| filter ...</c>). Every step corresponds to a canvas component
/// (spec/language.md lists the pairs); the component that owns the step's keyword binds it.
/// </summary>
public abstract record StepSyntax : CommentedSyntax
{
    /// <summary>The keyword that names the step (lower case): <c>filter</c>, <c>group</c>, <c>take</c> also for <c>limit</c>, <c>join</c> for every join kind.</summary>
    public abstract string Keyword { get; }
}

/// <summary><c>filter expr</c>: the rows where expr is true (canvas native.where, match).</summary>
public sealed record FilterStepSyntax(ExpressionSyntax Predicate) : StepSyntax
{
    public override string Keyword => "filter";
}

/// <summary><c>split expr</c>: two results, match and unmatch (false or NULL); ends a two-name let.</summary>
public sealed record SplitStepSyntax(ExpressionSyntax Predicate) : StepSyntax
{
    public override string Keyword => "split";
}

/// <summary><c>select a, b as c, *</c> (canvas native.select).</summary>
public sealed record SelectStepSyntax(Seq<SelectItemSyntax> Items) : StepSyntax
{
    public override string Keyword => "select";
}

public sealed record DerivationSyntax(IdentifierSyntax Name, ExpressionSyntax Expression) : SyntaxNode;

/// <summary><c>derive name = expr, ...</c>: adds or replaces columns (canvas native.selectexpression).</summary>
public sealed record DeriveStepSyntax(Seq<DerivationSyntax> Columns) : StepSyntax
{
    public override string Keyword => "derive";
}

public sealed record RenamingSyntax(NameSyntax Column, IdentifierSyntax NewName) : SyntaxNode;

/// <summary><c>rename old to new, ...</c> (canvas native.renamecolumn).</summary>
public sealed record RenameStepSyntax(Seq<RenamingSyntax> Renamings) : StepSyntax
{
    public override string Keyword => "rename";
}

/// <summary><c>drop a, b</c> (canvas native.dropcolumn).</summary>
public sealed record DropStepSyntax(Seq<NameSyntax> Columns) : StepSyntax
{
    public override string Keyword => "drop";
}

public sealed record SortKeySyntax(ExpressionSyntax Expression, bool Descending) : SyntaxNode;

/// <summary><c>sort a desc, b</c>: NULLs always last (canvas native.orderby).</summary>
public sealed record SortStepSyntax(Seq<SortKeySyntax> Keys) : StepSyntax
{
    public override string Keyword => "sort";
}

/// <summary><c>take n</c> (also spelled <c>limit n</c>; canvas native.limit).</summary>
public sealed record TakeStepSyntax(ExpressionSyntax Count) : StepSyntax
{
    public override string Keyword => "take";
}

/// <summary>
/// <c>take k per a, b by t desc</c>: the first k rows of each group of equal keys in the order given
/// (ties broken by the other columns, spec/language.md).
/// </summary>
public sealed record TakePerStepSyntax(ExpressionSyntax Count, Seq<ExpressionSyntax> Keys, Seq<WindowKeySyntax> Order) : StepSyntax
{
    public override string Keyword => "take_per";
}

/// <summary><c>distinct on (a, b) [by t desc]</c>: one row per group of equal keys, the first in the order given.</summary>
public sealed record DistinctOnStepSyntax(Seq<ExpressionSyntax> Keys, Seq<WindowKeySyntax> Order) : StepSyntax
{
    public override string Keyword => "distinct_on";
}

/// <summary><c>distinct</c> (canvas native.distinct).</summary>
public sealed record DistinctStepSyntax : StepSyntax
{
    public override string Keyword => "distinct";
}

/// <summary>A grouping key: a column, or <c>name = expr</c>.</summary>
public sealed record GroupKeySyntax(IdentifierSyntax? Name, ExpressionSyntax Expression) : SyntaxNode;

/// <summary>An aggregate output: <c>name: sum(x)</c>, or <c>sum(x)</c> named <c>x_sum</c>.</summary>
public sealed record AggregateItemSyntax(IdentifierSyntax? Name, ExpressionSyntax Expression) : SyntaxNode;

/// <summary><c>group by k1, k2 { name: agg(x), ... }</c> (canvas native.groupby).</summary>
public sealed record GroupStepSyntax(Seq<GroupKeySyntax> Keys, Seq<AggregateItemSyntax> Aggregates) : StepSyntax
{
    public override string Keyword => "group";
}

/// <summary><c>summarize { name: agg(x), ... }</c>: one row (canvas native.summarize).</summary>
public sealed record SummarizeStepSyntax(Seq<AggregateItemSyntax> Aggregates) : StepSyntax
{
    public override string Keyword => "summarize";
}

/// <summary><c>[inner|left|right|full] join other on a = other.b</c> (canvas native.join).</summary>
public sealed record JoinStepSyntax(JoinKind Kind, IdentifierSyntax Other, ExpressionSyntax Condition) : StepSyntax
{
    public override string Keyword => "join";
}

/// <summary>
/// <c>[left|right|full] spatial_join other on intersects(geom, other.geom)</c> (canvas native.spatialjoin, inner);
/// <c>left</c> keeps the piped rows without a match once, with NULL in other's columns, <c>right</c> the rows of
/// other; <c>full</c> is parsed so that the binder can say why it is refused (CWF2203).
/// </summary>
public sealed record SpatialJoinStepSyntax(IdentifierSyntax Other, ExpressionSyntax Condition, JoinKind Kind = JoinKind.Inner) : StepSyntax
{
    public override string Keyword => "spatial_join";
}

/// <summary>
/// <c>spatial_filter other on within(geom, other.geom)</c>: rows with a match in other (canvas
/// native.spatialfilter); at the end of a two-name let, the second name gets the unmatched rows.
/// </summary>
public sealed record SpatialFilterStepSyntax(IdentifierSyntax Other, ExpressionSyntax Condition) : StepSyntax
{
    public override string Keyword => "spatial_filter";
}

/// <summary>
/// <c>nearest 3 from stores [on geom, stores.geom] [within 5 km] [as distance]</c>: each piped row with its
/// k nearest rows of other and the distance in meters (canvas native.knn); the geographies named
/// by <c>on</c>, else each side's only geography column.
/// </summary>
public sealed record NearestStepSyntax(ExpressionSyntax Count, IdentifierSyntax Other, NameSyntax? Geography, NameSyntax? OtherGeography,
    ExpressionSyntax? Within, string? Unit, IdentifierSyntax? Alias = null) : StepSyntax
{
    public override string Keyword => "nearest";
}

/// <summary>
/// <c>union b, c</c>: the piped rows, then b's and c's, columns matched by name (canvas native.unionall);
/// <c>union by name b, c</c> also takes inputs whose columns differ (NULL where a branch lacks one).
/// </summary>
public sealed record UnionStepSyntax(Seq<IdentifierSyntax> Others, bool ByName = false) : StepSyntax
{
    public override string Keyword => "union";
}

/// <summary><c>buffer geom by 300 m [as zone]</c>: adds <c>geom_buffer</c> (canvas native.buffer).</summary>
public sealed record BufferStepSyntax(NameSyntax Geography, ExpressionSyntax Distance, string? Unit, IdentifierSyntax? Alias = null) : StepSyntax
{
    public override string Keyword => "buffer";
}

/// <summary><c>centroid geom [as c]</c>: adds <c>geom_centroid</c> (canvas native.centroid).</summary>
public sealed record CentroidStepSyntax(NameSyntax Geography, IdentifierSyntax? Alias = null) : StepSyntax
{
    public override string Keyword => "centroid";
}

/// <summary><c>area geom [in km2] [as a]</c>: adds <c>geom_area</c> (canvas native.area).</summary>
public sealed record AreaStepSyntax(NameSyntax Geography, string? Unit, IdentifierSyntax? Alias = null) : StepSyntax
{
    public override string Keyword => "area";
}

/// <summary><c>distance a, b [in km] [as d]</c>: adds <c>distance</c> (canvas native.distance).</summary>
public sealed record DistanceStepSyntax(NameSyntax From, NameSyntax To, string? Unit, IdentifierSyntax? Alias = null) : StepSyntax
{
    public override string Keyword => "distance";
}

/// <summary><c>point lat = y, lon = x [as p]</c>: adds <c>geom</c> (canvas native.geogpoint).</summary>
public sealed record PointStepSyntax(NameSyntax Latitude, NameSyntax Longitude, IdentifierSyntax? Alias = null) : StepSyntax
{
    public override string Keyword => "point";
}

/// <summary><c>h3 geom resolution 8 [as cell]</c>: adds <c>h3</c> (canvas native.h3frompoint).</summary>
public sealed record H3StepSyntax(NameSyntax Point, ExpressionSyntax Resolution, IdentifierSyntax? Alias = null) : StepSyntax
{
    public override string Keyword => "h3";
}

/// <summary><c>h3_boundary h3 [as poly]</c>: adds <c>h3_geo</c> (canvas native.h3boundary).</summary>
public sealed record H3BoundaryStepSyntax(NameSyntax Cell, IdentifierSyntax? Alias = null) : StepSyntax
{
    public override string Keyword => "h3_boundary";
}

/// <summary>
/// <c>sql [with b, c] "select ... from $a" [returns { col: type, ... }]</c>: raw SQL over the piped input
/// ($a) and the named ones ($b, $c), with an optional declared result schema (canvas native.customsql).
/// </summary>
public sealed record SqlStepSyntax(Seq<IdentifierSyntax> Inputs, string Sql, Seq<ColumnDeclarationSyntax>? Schema) : StepSyntax
{
    public override string Keyword => "sql";
}

/// <summary>
/// <c>call [with b] "CALL proc($a, $b, $output)" [returns { col: type, ... }]</c>: a procedure call the warehouse runs,
/// <c>$a</c>, <c>$b</c> naming the tables that hold the piped and the named input, <c>$output</c> the table the
/// procedure creates, whose rows are the step's (canvas native.call).
/// </summary>
public sealed record CallStepSyntax(Seq<IdentifierSyntax> Inputs, string Statement, Seq<ColumnDeclarationSyntax>? Schema) : StepSyntax
{
    public override string Keyword => "call";
}

/// <summary>An option of a generic step: <c>name: value</c>, named as the component's canvas input.</summary>
public sealed record StepOptionSyntax(IdentifierSyntax Name, ExpressionSyntax Value) : SyntaxNode;

/// <summary>
/// A component's step in the generic form, <c>keyword arg, ... { option: value, ... } [as name]</c>: the
/// arguments fill the component's positional parameters in order, the options the others by their canvas
/// names, and <c>as</c> names the column the step adds (spec/components.md). The keyword is a plain name, so a
/// component needs no grammar change; the parser accepts the keywords of its <see cref="StepVocabulary"/>.
/// </summary>
public sealed record GenericStepSyntax(IdentifierSyntax Name, Seq<ExpressionSyntax> Arguments, Seq<StepOptionSyntax> Options, IdentifierSyntax? Alias = null)
    : StepSyntax
{
    public override string Keyword => Name.Name.ToLowerInvariant();
}
