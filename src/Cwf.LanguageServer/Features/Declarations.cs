using Cwf.Syntax;

namespace Cwf.LanguageServer.Features;

/// <summary>What a declared name is: a relation (source, values, let, component) or a parameter (param, const).</summary>
public enum DeclarationKind
{
    Source,
    Let,
    Parameter,
}

/// <summary>One name a statement declares, with the identifier that declares it and the statement.</summary>
public sealed record Declaration(string Name, DeclarationKind Kind, IdentifierSyntax Site, StatementSyntax Statement);

/// <summary>The names a .cwf program declares, first declaration wins (the binder reports the others), ignoring case as the binder does.</summary>
public static class Declarations
{
    public static IReadOnlyDictionary<string, Declaration> Of(ProgramSyntax program)
    {
        var found = new Dictionary<string, Declaration>(StringComparer.OrdinalIgnoreCase);
        foreach (var statement in program.Statements)
        {
            IEnumerable<(IdentifierSyntax Name, DeclarationKind Kind)> names = statement switch
            {
                ParameterStatementSyntax p => [(p.Name, DeclarationKind.Parameter)],
                SourceStatementSyntax s => [(s.Name, DeclarationKind.Source)],
                ValuesStatementSyntax v => [(v.Name, DeclarationKind.Source)],
                ImportStatementSyntax i => [(i.Name, DeclarationKind.Source)],
                LetStatementSyntax l => l.Names.Select(n => (n, DeclarationKind.Let)),
                ComponentStatementSyntax c => [(c.Name, DeclarationKind.Let)],
                _ => [],
            };
            foreach (var (name, kind) in names)
                if (name.Name != "_") found.TryAdd(name.Name, new Declaration(name.Name, kind, name, statement));
        }
        return found;
    }
}
