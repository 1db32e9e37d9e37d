using System.Collections.Immutable;
using Cwf.Binding;
using Cwf.Catalog;
using Cwf.Diagnostics;
using Cwf.Driver;
using Cwf.Syntax;
using Cwf.Text;

namespace Cwf.LanguageServer.Documents;

/// <summary>
/// Everything the server knows about one version of a document: its text, what the front end made of it
/// (the syntax tree and the columns at every step for .cwf), the catalog it was bound against, and the
/// diagnostics <c>cwf check</c> reports for it (with the configured dialect's capability diagnostics).
/// </summary>
public sealed record DocumentAnalysis(
    string Uri,
    int Version,
    SourceText Source,
    FrontEndResult Result,
    SchemaCatalog Catalog,
    ImmutableArray<Diagnostic> Diagnostics)
{
    public bool IsCwf => Result.Kind == InputKind.Cwf;

    public ProgramSyntax? Syntax => Result.Syntax;

    public ImmutableArray<StepScope> Scopes => Result.Scopes;

    /// <summary>The tokens of a .cwf text, comments included (lexed on first use; empty for canvas JSON).</summary>
    public ImmutableArray<SyntaxToken> Tokens => _tokens ??= IsCwf ? CwfTokens.Lex(Source) : [];

    private ImmutableArray<SyntaxToken>? _tokens;
}
