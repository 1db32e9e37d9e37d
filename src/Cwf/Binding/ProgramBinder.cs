using System.Collections.Immutable;
using Cwf.Catalog;
using Cwf.Collections;
using Cwf.Components;
using Cwf.Components.Library;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;
using Cwf.Text;

namespace Cwf.Binding;

/// <summary>
/// Binds a program statement by statement, in the order written (a name must be defined before it
/// is used; a use before the definition is reported as such). Each step is lowered through the
/// shared component functions (<see cref="ComponentLowering"/>), so a .cwf step builds exactly the
/// IR its canvas component builds. A statement that fails registers its names as failed: the
/// statements that use them are bound as far as possible but report nothing about the failed names.
/// Statements are given one at a time (<see cref="Add"/>, then <see cref="Finish"/>), so that a caller
/// may parse a statement, bind it and let its syntax go: nothing here reads a later statement.
/// </summary>
internal sealed partial class ProgramBinder
{
    private readonly SchemaCatalog _catalog;
    private readonly SourceText? _source;
    private readonly DiagnosticBag _diagnostics = new();
    private readonly WorkflowBuilder _builder;
    private readonly LoweringContext _cx;
    private readonly ComponentCatalog _components;
    // Each name's symbol from its first declaration (a DeclaredName until its statement is bound): one table serves both
    // the declarations (where a name is declared, for uses before it) and the symbols, not a second one as large. In
    // parts, so that a long program's thousands of names make no large object.
    private readonly PartitionedDictionary<string, Symbol> _symbols = new(StringComparer.OrdinalIgnoreCase);
    // The parameters declared so far, as expressions see them (type, dimension, and whether the program writes them as @name).
    private ScopeParameters _parameterTypes;
    // Names used before any statement declared them: reported as unknown, unless a later statement declares them (Finish).
    private readonly List<(int Diagnostic, IdentifierSyntax Site)> _undeclaredUses = [];
    private readonly Dictionary<string, (TableNameSyntax Site, string Text)> _writtenTables = new(StringComparer.OrdinalIgnoreCase);
    private WorkflowStatementSyntax? _workflowStatement;
    private int _statement;
    // The columns at every step and declared name, in the order bound (BindResult.Scopes); null when they are not listed.
    private readonly SegmentedList<StepScope>? _scopes;
    private readonly Dictionary<string, ExpressionBinderOptions> _optionsByContext = new(StringComparer.Ordinal);

    /// <param name="listScopes">Whether the result lists the columns at every step (<see cref="BindResult.Scopes"/>), as editors need.</param>
    public ProgramBinder(SourceText? source, SchemaCatalog catalog, BindOptions options, bool listScopes = true)
    {
        _catalog = catalog;
        _source = source;
        var defaultName = options.DefaultWorkflowName
            ?? (source is { } s && s.Path != "<input>" ? Path.GetFileNameWithoutExtension(s.Path) : "workflow");
        _builder = new WorkflowBuilder(defaultName);
        _cx = new LoweringContext(_builder, _diagnostics);
        _parameterTypes = ScopeParameters.Empty.WithWrittenWithAt(source is { } text ? MentionedNames.Parameters(text) : []);
        _components = options.Components;
        _scopes = listScopes ? [] : null;
    }

    /// <summary>Binds the next statement of the program.</summary>
    public void Add(StatementSyntax statement)
    {
        CollectDeclarations(statement);
        BindStatement(statement);
        _statement++;
    }

    /// <summary>The result, once every statement has been added.</summary>
    public BindResult Finish()
    {
        ReportUsesBeforeDefinition();
        var workflow = _builder.ToWorkflow();
        ReportUnused(workflow);
        CallComponent.ReportUnnamedResults(workflow, _diagnostics);
        var diagnostics = _diagnostics.ToImmutable();
        return new BindResult(diagnostics.Any(d => d.IsError) ? null : workflow, diagnostics)
        {
            Scopes = _scopes?.ToImmutableArray() ?? [],
            ParameterDimensions = workflow.Parameters
                .Select(p => _parameterTypes.Find(p.Name)!)
                .Where(p => !p.Dimension.IsPlain)
                .ToImmutableDictionary(p => p.Name, p => p.Dimension, StringComparer.OrdinalIgnoreCase),
        };
    }

    // ---------------------------------------------------------------------------------------
    // Declarations

    // Where each name is declared, so that a use before the definition says so, and duplicates are caught once.
    private void CollectDeclarations(StatementSyntax statement)
    {
        foreach (var name in DeclaredNames(statement))
        {
            if (IsDiscard(name)) continue;
            if (_symbols.TryGetValue(name.Name, out var first))
            {
                _diagnostics.Add(Diagnostic.Create(DiagnosticCodes.DuplicateName, Locate(name),
                    $"'{name.Name}' is already declared on line {Line(first.Site)}", "choose another name")
                    .WithRelated(Locate(first.Site)));
                continue;
            }
            _symbols[name.Name] = new DeclaredName(name.Name, name, _statement);
        }
    }

    // A name no statement had declared when it was used is unknown, unless a later statement declares it.
    private void ReportUsesBeforeDefinition()
    {
        foreach (var (index, name) in _undeclaredUses)
        {
            if (!_symbols.TryGetValue(name.Name, out var declaration)) continue;
            _diagnostics.Replace(index, Diagnostic.Create(DiagnosticCodes.UsedBeforeDefinition, Locate(name),
                $"'{name.Name}' is used before its definition on line {Line(declaration.Site)}",
                $"move the definition of '{name.Name}' above this statement").WithRelated(Locate(declaration.Site)));
        }
    }

    // A list, not a sequence: a let's names are read without an enumerator object (every statement is one).
    private static Seq<IdentifierSyntax> DeclaredNames(StatementSyntax statement) => statement switch
    {
        ParameterStatementSyntax p => [p.Name],
        SourceStatementSyntax s => [s.Name],
        ValuesStatementSyntax v => [v.Name],
        ImportStatementSyntax i => [i.Name],
        LetStatementSyntax l => l.Names,
        ComponentStatementSyntax c => [c.Name],
        ErroneousStatementSyntax e => e.DeclaredNames,
        _ => [],
    };

    /// <summary><c>_</c> names a result nobody uses (<c>let _, closed = stores | split open</c>).</summary>
    private static bool IsDiscard(IdentifierSyntax name) => name.Name == "_";

    private bool Owns(IdentifierSyntax name) =>
        _symbols.TryGetValue(name.Name, out var d) && d.Statement == _statement && ReferenceEquals(d.Site, name);

    private void Declare(Symbol symbol)
    {
        if (Owns(symbol.Site)) _symbols[symbol.Name] = symbol;
    }

    // ---------------------------------------------------------------------------------------
    // Statements

    private void BindStatement(StatementSyntax statement)
    {
        switch (statement)
        {
            case WorkflowStatementSyntax w:
                if (_workflowStatement is not null)
                {
                    _diagnostics.Add(Diagnostic.Create(DiagnosticCodes.DuplicateWorkflowName, Locate(w),
                        "the workflow is already named", "keep one workflow statement").WithRelated(Locate(_workflowStatement)));
                    break;
                }
                _workflowStatement = w;
                _builder.Name = w.Title;
                break;
            case ParameterStatementSyntax p:
                BindParameter(p);
                break;
            case SourceStatementSyntax s:
                BindSource(s);
                break;
            case ValuesStatementSyntax v:
                BindValues(v);
                break;
            case ImportStatementSyntax i:
                BindImport(i);
                break;
            case LetStatementSyntax l:
                BindLet(l);
                break;
            case OutputStatementSyntax o:
                BindOutput(o);
                break;
            case ComponentStatementSyntax c:
                BindComponent(c);
                break;
            case AssertStatementSyntax a:
                BindAssert(a);
                break;
            case ErroneousStatementSyntax e:
                foreach (var name in e.DeclaredNames) Declare(new RelationSymbol(name.Name, name, _statement, PendingRelation.Of(null), IsSource: false) { Used = true });
                MarkMentionedAsUsed(e);
                break;
        }
    }

    private void BindParameter(ParameterStatementSyntax p)
    {
        var binder = new ExpressionBinder(new ExpressionScope([]), _source, new ExpressionBinderOptions { Context = "a parameter value" }, _diagnostics);
        SqlType? declared = p.Type is null ? null : binder.ResolveType(p.Type);
        var value = binder.BindScalar(p.Default);
        var dimension = value is null ? Dimension.Plain : binder.DimensionOf(value);
        Parameter? parameter = null;
        if (value is not null && (p.Type is null || declared is not null))
        {
            if (value is not Literal literal)
                _diagnostics.Report(DiagnosticCodes.InvalidParameterValue, Locate(p.Default), $"the value of '{p.Name.Name}' must be a constant",
                    "write a literal such as 500, 2 km, 'text' or date '2024-01-31'");
            else if (ConvertValue(literal, declared ?? literal.Type) is not { } converted)
                _diagnostics.Report(DiagnosticCodes.InvalidParameterValue, Locate(p.Default),
                    declared is null ? $"the type of '{p.Name.Name}' cannot be told from null" : $"'{p.Name.Name}' is {declared.Value.Name()}, but its value is {literal.Type.Name()}",
                    declared is null ? $"declare it: {(p.IsPublic ? "param" : "const")} {p.Name.Name}: type = null" : "");
            else
                parameter = new Parameter(p.Name.Name, declared ?? literal.Type, converted.Value, p.IsPublic) { Origin = Locate(p.Name) };
        }
        if (parameter is not null && Owns(p.Name))
        {
            _builder.AddParameter(parameter);
            _parameterTypes = _parameterTypes.With(new ScopeParameter(parameter.Name, parameter.Type, dimension));
        }
        Declare(new ParameterSymbol(p.Name.Name, p.Name, _statement, parameter));
    }

    // A literal as a value of the parameter's type (numeric widening only), or null when it does not fit.
    private static Literal? ConvertValue(Literal literal, SqlType type)
    {
        if (type == SqlType.Unknown) return null;
        if (literal.Value is null) return literal.Type == SqlType.Unknown || literal.Type == type ? Literal.Null(type) : null;
        if (literal.Type == type) return literal;
        return (literal.Value, type) switch
        {
            (long l, SqlType.Float64) => Literal.Float(l),
            (long l, SqlType.Decimal) => Literal.Decimal(l),
            (decimal m, SqlType.Float64) => Literal.Float((double)m),
            (DateOnly d, SqlType.Timestamp) => Literal.Timestamp(d.ToDateTime(TimeOnly.MinValue)),
            _ => null,
        };
    }

    private void BindSource(SourceStatementSyntax s)
    {
        Relation? relation = null;
        var table = TableName.TryParse(s.Table.Text);
        var schema = s.Schema is { } declared ? DeclaredSchema(declared, $"source '{s.Name.Name}'") : CatalogSchema(s.Table, table);
        if (table is not null && schema is not null)
        {
            int node = ComponentLowering.ReadTable(_cx, table, schema, Step(s.Name.Name, s));
            relation = new Relation(node, new ScopeInput(schema, s.Name.Name));
        }
        AddScope(s.Name.Span, null, schema);
        Declare(new RelationSymbol(s.Name.Name, s.Name, _statement, PendingRelation.Of(relation), IsSource: true));
    }

    private void BindValues(ValuesStatementSyntax v)
    {
        Relation? relation = null;
        var schema = DeclaredSchema(v.Schema, $"source '{v.Name.Name}'");
        var binder = new ExpressionBinder(new ExpressionScope([], _parameterTypes), _source, new ExpressionBinderOptions { Context = "a values row" }, _diagnostics);
        var rows = new List<Seq<Expr>>();
        bool ok = schema is not null;
        foreach (var row in v.Rows)
        {
            var values = row.Values.Select(binder.BindScalar).ToList();
            if (schema is null) continue;
            if (values.Count != schema.Count)
            {
                _diagnostics.Report(DiagnosticCodes.ValuesRowWidth, Locate(row),
                    $"this row of '{v.Name.Name}' has {values.Count} value{(values.Count == 1 ? "" : "s")}, but {schema.Count} column{(schema.Count == 1 ? " is" : "s are")} declared",
                    "write one value per declared column, in order: (" + string.Join(", ", schema.Names) + ")");
                ok = false;
                continue;
            }
            var fitted = new Expr[values.Count];
            for (int i = 0; i < fitted.Length; i++)
            {
                if (values[i] is not { } value) { ok = false; continue; }
                var column = schema[i];
                if (ComponentLowering.ValueOfType(value, column.Type) is not { } fit)
                {
                    _diagnostics.Report(DiagnosticCodes.TypeMismatch, Locate(row.Values[i]),
                        $"column '{column.Name}' of '{v.Name.Name}' is {column.Type.Name()}, but this value is {value.Type.Name()}",
                        $"write a {column.Type.Name()} value, or cast it: cast(... as {column.Type.Name()})");
                    ok = false;
                }
                else if (!column.Nullable && fit is Literal { Value: null })
                {
                    _diagnostics.Report(DiagnosticCodes.ValuesNullNotAllowed, Locate(row.Values[i]),
                        $"column '{column.Name}' of '{v.Name.Name}' is declared not null", "write a value, or drop 'not null' from the column");
                    ok = false;
                }
                else fitted[i] = fit;
            }
            rows.Add(fitted.ToSeq());
        }
        if (ok && schema is not null)
        {
            int node = ComponentLowering.Values(_cx, schema, rows.ToSeq(), Step(v.Name.Name, v));
            relation = new Relation(node, new ScopeInput(schema, v.Name.Name));
        }
        AddScope(v.Name.Span, null, schema);
        Declare(new RelationSymbol(v.Name.Name, v.Name, _statement, PendingRelation.Of(relation), IsSource: true));
    }

    /// <summary>
    /// <c>source name = import "url" { autoguessing: ... } returns { ... }</c>: the table IMPORT_URL makes, with the
    /// declared columns or, without <c>returns</c>, an open schema whose columns later steps use unchecked.
    /// </summary>
    private void BindImport(ImportStatementSyntax i)
    {
        Relation? relation = null;
        bool ok = true, guess = true;
        foreach (var option in i.Options)
        {
            if (!string.Equals(option.Name.Name, ImportUrlComponent.AutoGuessing, StringComparison.OrdinalIgnoreCase))
                ok = ImportOptionProblem(option.Name, $"'import' has no option '{option.Name.Name}'", $"its one option is {ImportUrlComponent.AutoGuessing}: true or false");
            else if (option.Value is LiteralSyntax { Kind: LiteralKind.True or LiteralKind.False } flag)
                guess = flag.Kind == LiteralKind.True;
            else
                ok = ImportOptionProblem(option.Value, $"'{ImportUrlComponent.AutoGuessing}' must be true or false", "IMPORT_URL takes it as a constant");
        }
        if (i.Options.GroupBy(o => o.Name.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            ok = ImportOptionProblem(twice.Last().Name, $"'{twice.Key}' is given twice", "give each option once");
        var schema = i.Schema is { } declared ? DeclaredSchema(declared, $"source '{i.Name.Name}'") : null;
        if (ok && (i.Schema is null || schema is not null)
            && ComponentLowering.ImportUrl(_cx, i.Url.Text, guess, schema, Step(i.Name.Name, i), Locate(i.Url)) is { } node)
            relation = new Relation(node, new ScopeInput(schema ?? Schema.Open, i.Name.Name));
        AddScope(i.Name.Span, null, schema ?? Schema.Open);
        Declare(new RelationSymbol(i.Name.Name, i.Name, _statement, PendingRelation.Of(relation), IsSource: true));
    }

    private bool ImportOptionProblem(SyntaxNode site, string message, string hint)
    {
        _diagnostics.Report(DiagnosticCodes.ImportOption, Locate(site), message, hint);
        return false;
    }

    private Schema? CatalogSchema(TableNameSyntax site, TableName? table)
    {
        if (table is null) return null;
        if (_catalog.Find(table) is { } schema) return schema;
        var known = _catalog.TableNames.Select(t => t.ToString()).ToList();
        _diagnostics.Report(DiagnosticCodes.UnknownTable, Locate(site), $"table '{table}' is not in the catalog",
            NameSuggestions.DidYouMean(table.ToString(), known),
            known.Count == 0 ? "pass a catalog (--catalog catalog.json) or declare the columns: table \"...\" { id: int64, ... }"
                : "declare the columns: table \"...\" { id: int64, ... }");
        return null;
    }

    /// <summary>A schema written in the program (a source or a sql step), or null after reporting its problems.</summary>
    private Schema? DeclaredSchema(Seq<ColumnDeclarationSyntax> columns, string owner)
    {
        var binder = new ExpressionBinder(new ExpressionScope([]), _source, null, _diagnostics);
        var result = new List<Column>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        bool ok = true;
        foreach (var column in columns)
        {
            var type = binder.ResolveType(column.Type);
            if (!seen.Add(column.Name.Name))
            {
                _diagnostics.Report(DiagnosticCodes.DuplicateColumn, Locate(column.Name), $"column '{column.Name.Name}' is declared twice in {owner}");
                ok = false;
            }
            if (type is null) ok = false;
            else result.Add(new Column(column.Name.Name, type.Value, !column.NotNull));
        }
        return ok ? new Schema(result.ToSeq()) : null;
    }

    private void BindLet(LetStatementSyntax l)
    {
        var results = l.Names.Count == 2
            ? BindTwoResultPipeline(l.Pipeline, l.Names[0].Name, l.Names[1].Name)
            : [PendingRelation.Of(BindPipeline(l.Pipeline, l.Names[0].Name))];
        if (l.Names.Count == 1) AddScope(l.Names[0].Span, null, results[0].Get()?.Scope.Schema);
        for (int i = 0; i < l.Names.Count; i++)
            if (!IsDiscard(l.Names[i])) Declare(new RelationSymbol(l.Names[i].Name, l.Names[i], _statement, results[i], IsSource: false));
    }

    // A component outside the contract: kept as an opaque node, as the canvas importer keeps it.
    private void BindComponent(ComponentStatementSyntax c)
    {
        var inputs = c.Inputs.Select(ResolveRelation).ToList();
        Relation? relation = null;
        if (inputs.All(i => i is not null))
        {
            var properties = c.Properties.ToImmutableSortedDictionary(p => p.Name.Name, p => p.Value, StringComparer.Ordinal);
            int node = ComponentLowering.Opaque(_cx, [.. inputs.Select(i => i!.Node)], c.Component, properties, Step(c.Name.Name, c));
            relation = new Relation(node, new ScopeInput(_builder.SchemaOf(node), c.Name.Name));
        }
        // An opaque component may act on the world, so it is not "unused" when nothing reads it (analysis keeps it as a root).
        Declare(new RelationSymbol(c.Name.Name, c.Name, _statement, PendingRelation.Of(relation), IsSource: false) { Used = true });
    }

    private void BindOutput(OutputStatementSyntax o)
    {
        var table = TableName.TryParse(o.Table.Text);
        if (table is not null)
        {
            var key = table.ToString();
            if (_writtenTables.TryGetValue(key, out var first))
                _diagnostics.Add(Diagnostic.Create(DiagnosticCodes.OutputWrittenTwice, Locate(o.Table),
                    $"table '{key}' is also written on line {Line(first.Site)}",
                    o.Mode == WriteMode.Append ? "" : "the later output replaces what the earlier one wrote").WithRelated(Locate(first.Site)));
            else _writtenTables[key] = (o.Table, key);
        }
        var name = "output_" + (table?.Table ?? "table");
        if (BindPipeline(o.Pipeline, name) is { } relation && table is not null)
        {
            ComponentLowering.SaveAsTable(_cx, relation.Node, table, o.Mode, Step(name, o));
            _outputRelations[table.ToString()] = relation;
        }
    }

    // ---------------------------------------------------------------------------------------
    // Names

    /// <summary>The relation a name refers to, or null (reported unless it belongs to a failed statement).</summary>
    private Relation? ResolveRelation(IdentifierSyntax name)
    {
        if (_symbols.TryGetValue(name.Name, out var symbol))
        {
            if (symbol.Statement == _statement)
            {
                _diagnostics.Report(DiagnosticCodes.SelfReference, Locate(name), $"'{name.Name}' is defined by this very statement",
                    "refer to the relation it is computed from");
                return null;
            }
            if (symbol is DeclaredName) throw new InvalidOperationException($"The statement declaring '{name.Name}' bound no symbol for it.");
            symbol.Used = true;
            // Inside a pipeline, a relation's columns can be qualified with the name it was referred to by.
            if (symbol is RelationSymbol r) return r.Relation.Get() is { } found ? found with { Scope = ScopeInput.Keeping(found.Scope.Schema, name.Name, found.Scope.Aliases) } : null;
            _diagnostics.Report(DiagnosticCodes.UnknownRelation, Locate(name), $"'{name.Name}' is a parameter, not a source or a let result",
                "a pipeline starts with the name of a source or a let");
            return null;
        }
        var relations = _symbols.Values.OfType<RelationSymbol>().Select(s => s.Name);
        _undeclaredUses.Add((_diagnostics.Count, name));
        _diagnostics.Report(DiagnosticCodes.UnknownRelation, Locate(name), $"unknown source or let '{name.Name}'",
            NameSuggestions.DidYouMean(name.Name, relations));
        return null;
    }

    // A statement that failed to parse may well use the names it mentions: they are not reported as never used.
    private void MarkMentionedAsUsed(ErroneousStatementSyntax statement)
    {
        foreach (var name in MentionedNames.All(SourceText.From(statement.Text)))
            if (_symbols.TryGetValue(name, out var symbol) && symbol is not DeclaredName) symbol.Used = true;
    }

    private static bool IsProcedureCall(Workflow workflow, int node) =>
        workflow.Nodes.Any(n => n.Id == node && n is OpaqueNode { RunsUnread: true });

    private void ReportUnused(Workflow workflow)
    {
        // Which parameters the workflow reads: a walk of every expression, so only when a parameter may be unused.
        HashSet<string>? usedParameters = null;
        HashSet<string> UsedParameters() => usedParameters ??= workflow.Nodes.SelectMany(n => n.Expressions).SelectMany(e => e.DescendantsAndSelf())
            .OfType<ParamRef>().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        bool complete = !_diagnostics.HasErrors;
        // Only a symbol nobody used is reported: those are sorted, not every name of the program.
        foreach (var symbol in _symbols.Values.Where(s => !s.Used).OrderBy(s => s.Site.Span.Start))
        {
            switch (symbol)
            {
                // A procedure call runs whether or not anything reads its table.
                case RelationSymbol { Used: false } r when r.Relation.IsBuilt ? r.Relation.Get() is { } built && !IsProcedureCall(workflow, built.Node) : true:
                    _diagnostics.Report(DiagnosticCodes.UnusedResult, Locate(r.Site), $"'{r.Name}' is never used",
                        r.IsSource ? "remove the source, or use it in a pipeline" : "remove it, or write it with an output");
                    break;
                case ParameterSymbol { Parameter: { } p, Used: false } when complete && !UsedParameters().Contains(p.Name):
                    _diagnostics.Report(DiagnosticCodes.UnusedParameter, Locate(symbol.Site), $"parameter '{p.Name}' is never used",
                        "remove it, or refer to it as @" + p.Name);
                    break;
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Locations

    private Location Locate(SyntaxNode node) =>
        _source is not null ? new SourceLocation(_source, node.Span) : new FileLocation(null);

    private string Line(SyntaxNode node) => _source is not null ? _source.GetPosition(node.Span.Start).Line.ToString() : "?";

    private StepInfo Step(string name, SyntaxNode site) => new(name, Locate(site));

    // The scopes are made only when listed: a command-line compile of a long program made one per step for nobody.
    private void AddScope(TextSpan span, Schema? input, Schema? output) => _scopes?.Add(new StepScope(span, input, output));
}
