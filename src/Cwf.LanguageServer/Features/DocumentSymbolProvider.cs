using Cwf.LanguageServer.Documents;
using Cwf.LanguageServer.Protocol;
using Cwf.Syntax;

namespace Cwf.LanguageServer.Features;

/// <summary>The outline of a .cwf program: its parameters, sources, lets, components, outputs and checks, in order.</summary>
public static class DocumentSymbolProvider
{
    // LSP SymbolKind values.
    private const int Module = 2, Class = 5, Interface = 11, Function = 12, Variable = 13, Constant = 14;

    public static DocumentSymbol[] Symbols(DocumentAnalysis analysis)
    {
        if (analysis.Syntax is not { } program) return [];
        var symbols = new List<DocumentSymbol>();
        foreach (var statement in program.Statements)
        {
            switch (statement)
            {
                case ParameterStatementSyntax p:
                    Add(p.Name.Name, p.IsPublic ? "param" : "const", Constant, statement, p.Name);
                    break;
                case SourceStatementSyntax s:
                    Add(s.Name.Name, $"table \"{s.Table.Text}\"", Class, statement, s.Name);
                    break;
                case ValuesStatementSyntax v:
                    Add(v.Name.Name, "values", Class, statement, v.Name);
                    break;
                case ImportStatementSyntax i:
                    Add(i.Name.Name, $"import \"{i.Url.Text}\"", Class, statement, i.Name);
                    break;
                case LetStatementSyntax l:
                    foreach (var name in l.Names.Where(n => n.Name != "_")) Add(name.Name, "let", Variable, statement, name);
                    break;
                case ComponentStatementSyntax c:
                    Add(c.Name.Name, $"component \"{c.Component}\"", Function, statement, c.Name);
                    break;
                case OutputStatementSyntax o:
                    Add(o.Table.Text, "output", Module, statement, o.Table);
                    break;
                case AssertStatementSyntax a:
                    Add(analysis.Source.ToString(a.Span).Split('\n')[0].Trim(), "assert", Interface, statement, a);
                    break;
            }
        }
        return [.. symbols];

        void Add(string name, string detail, int kind, SyntaxNode whole, SyntaxNode selection) =>
            symbols.Add(new DocumentSymbol(name.Length == 0 ? detail : name, detail, kind,
                PositionMap.ToRange(analysis.Source, whole.Span), PositionMap.ToRange(analysis.Source, selection.Span)));
    }
}
