using Cwf.Ir;

namespace Cwf.Syntax;

/// <summary>A top-level statement of a .cwf program.</summary>
public abstract record StatementSyntax : CommentedSyntax;

/// <summary><c>workflow "title"</c>.</summary>
public sealed record WorkflowStatementSyntax(string Title) : StatementSyntax;

/// <summary>
/// <c>param name: type = default</c> (public: a procedure argument) or <c>const name: type = value</c>
/// (inlined). The type may be left out when the default says it.
/// </summary>
public sealed record ParameterStatementSyntax(bool IsPublic, IdentifierSyntax Name, TypeSyntax? Type, ExpressionSyntax Default) : StatementSyntax;

/// <summary>A column of a declared schema: <c>name: type [not null]</c>.</summary>
public sealed record ColumnDeclarationSyntax(IdentifierSyntax Name, TypeSyntax Type, bool NotNull = false) : CommentedSyntax;

/// <summary>A table name as written in quotes.</summary>
public sealed record TableNameSyntax(string Text) : SyntaxNode
{
    public override string ToString() => Text;
}

/// <summary><c>source name = table "a.b.c" [{ col: type, ... }]</c>: without a schema, the catalog supplies it.</summary>
public sealed record SourceStatementSyntax(IdentifierSyntax Name, TableNameSyntax Table, Seq<ColumnDeclarationSyntax>? Schema) : StatementSyntax;

/// <summary>
/// <c>source name = values { col: type, ... } [(v, ...), ...]</c>: rows written in the program, one
/// constant expression per declared column (spec/language.md, "source").
/// </summary>
public sealed record ValuesStatementSyntax(IdentifierSyntax Name, Seq<ColumnDeclarationSyntax> Schema, Seq<ValuesRowSyntax> Rows) : StatementSyntax;

/// <summary>
/// <c>source name = import "https://..." [{ autoguessing: false }] [returns { col: type, ... }]</c>: the table the CARTO
/// Analytics Toolbox's IMPORT_URL makes from a file (canvas <c>native.importurl</c>). The file's columns are known only
/// at run time: <c>returns</c> declares those the program uses; without it they are not checked (spec/language.md, "source").
/// </summary>
public sealed record ImportStatementSyntax(IdentifierSyntax Name, LiteralSyntax Url, Seq<StepOptionSyntax> Options, Seq<ColumnDeclarationSyntax>? Schema)
    : StatementSyntax;

/// <summary>One row of a <c>values</c> source: <c>(1, 'a', st_point(1, 2))</c>.</summary>
public sealed record ValuesRowSyntax(Seq<ExpressionSyntax> Values) : SyntaxNode;

/// <summary>A relation followed by steps: <c>stores | filter x > 1 | take 10</c>.</summary>
public sealed record PipelineSyntax(IdentifierSyntax Input, Seq<StepSyntax> Steps) : SyntaxNode;

/// <summary><c>let name = pipeline</c>, or <c>let a, b = pipeline</c> when the last step has two results.</summary>
public sealed record LetStatementSyntax(Seq<IdentifierSyntax> Names, PipelineSyntax Pipeline) : StatementSyntax;

/// <summary><c>output pipeline -> table "a.b" [mode replace|append]</c> (canvas native.saveastable).</summary>
public sealed record OutputStatementSyntax(PipelineSyntax Pipeline, TableNameSyntax Table, WriteMode Mode) : StatementSyntax;

/// <summary>One input value of an opaque component: <c>isoline_type: "walk"</c>.</summary>
public sealed record ComponentPropertySyntax(IdentifierSyntax Name, string Value) : SyntaxNode;

/// <summary>
/// <c>let name = component "native.isolines" (a, b) { input: "value", ... }</c>: a canvas component
/// cwf does not understand, kept opaque (its columns are unknown; backends refuse to emit it).
/// </summary>
public sealed record ComponentStatementSyntax(IdentifierSyntax Name, string Component, Seq<IdentifierSyntax> Inputs, Seq<ComponentPropertySyntax> Properties)
    : StatementSyntax;

/// <summary>
/// A statement that did not parse: its text is kept (the formatter prints it verbatim) with the
/// names it seemed to declare, so that the binder stays silent about statements that use them.
/// </summary>
public sealed record ErroneousStatementSyntax(string Text, Seq<IdentifierSyntax> DeclaredNames) : StatementSyntax;
