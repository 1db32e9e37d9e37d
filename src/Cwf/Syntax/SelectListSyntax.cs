using Cwf.Ir;

namespace Cwf.Syntax;

/// <summary>One item of a select list: <c>*</c>, <c>q.*</c>, <c>expr</c> or <c>expr as alias</c>.</summary>
public sealed record SelectItemSyntax(ExpressionSyntax Expression, IdentifierSyntax? Alias = null) : SyntaxNode;

/// <summary>A SQL select list (<c>a, b as c, x + 1 as d, *</c>): the select step and canvas <c>native.select</c>.</summary>
public sealed record SelectListSyntax(Seq<SelectItemSyntax> Items) : SyntaxNode;
