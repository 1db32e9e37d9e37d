using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Canvas;

/// <summary>
/// Turns an imported canvas into an idiomatic .cwf program: the workflow title, parameters from
/// the variables (public: <c>param</c>, private: <c>const</c>), sources, then one <c>let</c> per
/// step that must be named (it branches, feeds a second input, ends in a save or splits in two)
/// with linear chains folded into pipelines, and the outputs. Each node's statement or step is
/// written by its component's descriptor (Components/Library). <c>let</c> names come from node
/// labels (<see cref="StepNames"/>); notes become comments before the step they sit next to.
/// The program is a syntax tree printed by the .cwf formatter; binding it gives the same IR as
/// the canvas (a tested property), except for what .cwf cannot express yet (see spec/canvas.md).
/// </summary>
public static class CanvasDecompiler
{
    /// <summary>The .cwf text for an import without errors, printed by the .cwf formatter.</summary>
    /// <exception cref="ArgumentException">The import has errors (callers check <see cref="CanvasImportResult.HasErrors"/> first).</exception>
    public static string ToCwf(CanvasImportResult result) => Formatting.CwfFormatter.Format(Decompile(result));

    /// <summary>The .cwf program for an import without errors.</summary>
    /// <exception cref="ArgumentException">The import has errors (callers check <see cref="CanvasImportResult.HasErrors"/> first).</exception>
    public static ProgramSyntax Decompile(CanvasImportResult result)
    {
        if (result.HasErrors || result.Workflow is null || result.Document is null || result.Graph is null || result.Text is null
            || result.Variables is null || result.Names is null)
            throw new ArgumentException("Only a canvas imported without errors can be decompiled.", nameof(result));
        return new DecompilerRun(result).Program();
    }

    private sealed class DecompilerRun(CanvasImportResult result)
    {
        private readonly CanvasDocument _document = result.Document!;
        private readonly CanvasGraph _graph = result.Graph!;
        private readonly CanvasText _text = result.Text!;
        private readonly CanvasVariables _variables = result.Variables!;
        private readonly StepNames _names = result.Names!;
        private readonly ComponentCatalog _components = result.Components ?? ComponentCatalog.Default;
        private readonly Workflow _workflow = result.Workflow!;
        private readonly Dictionary<string, Seq<CommentSyntax>> _notes = [];
        private readonly DiagnosticBag _scratch = new();
        private readonly Dictionary<string, (IdentifierSyntax Main, IdentifierSyntax Other)> _joinNames = [];
        private readonly List<StatementSyntax> _aliases = [];  // second names the let being built needs, declared before it

        public ProgramSyntax Program()
        {
            var loweredIds = result.IrNodes.Keys.Select(k => k.Node).ToHashSet(StringComparer.Ordinal);
            var lowered = _graph.Order.Where(n => loweredIds.Contains(n.Id)).ToList();
            var statements = new List<StatementSyntax>();
            var header = new List<CommentSyntax>();
            foreach (var (note, nodeId) in NoteComments.Place(_document.Notes, lowered))
            {
                if (nodeId is null) header.AddRange(NoteComments.Comments(note));
                else _notes[nodeId] = _notes.TryGetValue(nodeId, out var existing) ? existing.AddRange(NoteComments.Comments(note)) : NoteComments.Comments(note);
            }
            if (!string.IsNullOrWhiteSpace(_document.Description))
                header.AddRange(_document.Description.Split('\n').Select(l => CommentSyntax.Line(l)));
            statements.Add(new WorkflowStatementSyntax(_workflow.Name) { LeadingComments = header.ToSeq() });

            foreach (var parameter in _workflow.Parameters)
                statements.Add(new ParameterStatementSyntax(parameter.IsPublic, new IdentifierSyntax(parameter.Name),
                    new TypeSyntax(parameter.Type.Name()), ExprSyntaxWriter.Literal(parameter.ValueLiteral)));

            foreach (var node in lowered)
                if (Component(node) is SourceComponent source) statements.Add(WithNote(node, source.Decompile(Context(node))));
            foreach (var node in lowered.Where(n => Component(n) is not (SourceComponent or SinkComponent) && IsNamed(n)))
            {
                if (Component(node) is null)
                {
                    statements.Add(WithNote(node, Opaque(node)));
                    continue;
                }
                var let = Let(node);
                statements.AddRange(_aliases);
                _aliases.Clear();
                statements.Add(WithNote(node, let));
            }
            foreach (var node in lowered)
                if (Component(node) is SinkComponent sink) statements.Add(WithNote(node, sink.Decompile(Context(node))));
            return new ProgramSyntax(statements.ToSeq());
        }

        private Component? Component(CanvasNode node) => _components.Find(node.Component);

        /// <summary>The IR node built for one output of a node, or null when that output was not built.</summary>
        private RelNode? Ir(CanvasNode node, string output) => result.IrNodes.TryGetValue((node.Id, output), out var id) ? _workflow[id] : null;

        private NodeDecompiling Context(CanvasNode node, bool split = false) => new(this, node, Component(node)!, split);

        // ---------------------------------------------------------------------------------------
        // Which steps get a name

        /// <summary>
        /// A step is named unless exactly one step reads it, through its piped (first) input, and that
        /// step is neither a save (outputs read named results) nor a join-like step (whose conditions
        /// qualify the piped relation by its name).
        /// </summary>
        private bool IsNamed(CanvasNode node)
        {
            if (Component(node) is null) return true;
            var consumers = _graph.Outgoing(node);
            if (consumers.Count != 1 || consumers[0].SourceHandle == "unmatch") return true;
            var consumer = consumers[0];
            return Component(consumer.Target) is not StepComponent { NamesPipedInput: false } || !IsPiped(consumer);
        }

        /// <summary>Whether the connection feeds the consumer's first input, the one a pipeline passes on (its first edge, when the input takes several).</summary>
        private bool IsPiped(CanvasConnection c) =>
            Component(c.Target) is { Inputs: [var piped, ..] } && c.TargetHandle == piped.Name && _graph.Incoming(c.Target, piped.Name)[0] == c;

        /// <summary>The name of a node's output as a relation.</summary>
        private IdentifierSyntax RelationName(CanvasNode node, string handle) =>
            new(handle == "unmatch" ? _names.Unmatch(node) : _names.Of(node));

        private IdentifierSyntax RelationName(CanvasConnection c) => RelationName(c.Source, c.SourceHandle);

        // ---------------------------------------------------------------------------------------
        // Statements

        private StatementSyntax Let(CanvasNode node)
        {
            var handles = _graph.Outgoing(node).Select(c => c.SourceHandle).ToHashSet();
            var names = !handles.Contains("unmatch") ? [RelationName(node, "result")]
                : new Seq<IdentifierSyntax>([handles.Contains("match") ? RelationName(node, "match") : new IdentifierSyntax("_"), RelationName(node, "unmatch")]);
            return new LetStatementSyntax(names, Pipeline(node, split: handles.Contains("unmatch")));
        }

        /// <summary>
        /// A component cwf does not know has no .cwf form yet: its name, inputs and values are written as a
        /// statement that keeps them visible (and does not compile, as the canvas does not either).
        /// </summary>
        private ErroneousStatementSyntax Opaque(CanvasNode node)
        {
            var opaque = (OpaqueNode)Ir(node, "result")!;
            var name = RelationName(node, "result");
            var inputs = string.Join(", ", _graph.Incoming(node).Select(c => RelationName(c).Name));
            var values = string.Join(", ", opaque.Properties.Select(p => $"{p.Key}: {Quote(p.Value)}"));
            return new ErroneousStatementSyntax($"let {name.Name} = component \"{opaque.Component}\" ({inputs}) {{ {values} }}", [name])
            {
                LeadingComments = [CommentSyntax.Line($"'{node.DisplayLabel}' is the canvas component {opaque.Component}, which cwf cannot compile")],
            };
        }

        private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"").ReplaceLineEndings(" ") + "\"";

        /// <summary>The node's step, preceded by the steps of the unnamed chain that feeds it.</summary>
        private PipelineSyntax Pipeline(CanvasNode last, bool split)
        {
            var steps = new List<StepSyntax>();
            var node = last;
            while (true)
            {
                var step = ((StepComponent)Component(node)!).Decompile(Context(node, split && node == last));
                if (node != last)
                    step = step with
                    {
                        LeadingComments = _notes.GetValueOrDefault(node.Id),
                        TrailingComments = string.IsNullOrWhiteSpace(node.Label) ? [] : [CommentSyntax.Line(node.Label.Trim())],
                    };
                steps.Add(step);
                var piped = _graph.Incoming(node).Where(IsPiped).First();
                if (IsNamed(piped.Source) || Component(piped.Source) is SourceComponent)
                {
                    steps.Reverse();
                    return new PipelineSyntax(_joinNames.TryGetValue(node.Id, out var names) ? names.Main : RelationName(piped), steps.ToSeq());
                }
                node = piped.Source;
            }
        }

        private T WithNote<T>(CanvasNode node, T statement) where T : StatementSyntax =>
            _notes.TryGetValue(node.Id, out var comments) ? statement with { LeadingComments = comments } : statement;

        // ---------------------------------------------------------------------------------------
        // Join-like steps

        /// <summary>
        /// The names a join-like step qualifies its two sides with. After a join, .cwf keeps the joined
        /// relations' names as qualifiers of the result (<c>blocks.pop</c> is <c>pop_joined</c>), so when one
        /// side descends from the other, <c>other.col</c> would be ambiguous: that side is then read
        /// through a second name, <c>let blocks_2 = blocks</c>, declared just before the step.
        /// </summary>
        private (IdentifierSyntax Main, IdentifierSyntax Other) JoinNames(CanvasNode node)
        {
            if (_joinNames.TryGetValue(node.Id, out var known)) return known;
            var ports = Component(node)!.Inputs;
            var mainInput = _graph.Incoming(node, ports[0].Name)[0];
            var otherInput = _graph.Incoming(node, ports[1].Name)[0];
            var (main, other) = (RelationName(mainInput), RelationName(otherInput));
            if (DescendsFrom(mainInput.Source, otherInput.Source)) other = SecondName(other);
            else if (DescendsFrom(otherInput.Source, mainInput.Source)) main = SecondName(main);
            return _joinNames[node.Id] = (main, other);
        }

        private IdentifierSyntax SecondName(IdentifierSyntax original)
        {
            var alias = new IdentifierSyntax(_names.Fresh(original.Name));
            _aliases.Add(new LetStatementSyntax([alias], new PipelineSyntax(original, [])));
            return alias;
        }

        /// <summary>Whether <paramref name="ancestor"/> feeds <paramref name="node"/> (or is it): a backward walk, only done for join-like steps.</summary>
        private bool DescendsFrom(CanvasNode node, CanvasNode ancestor)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<CanvasNode>([node]);
            while (stack.Count > 0)
            {
                var current = stack.Pop();
                if (current.Id == ancestor.Id) return true;
                if (!seen.Add(current.Id)) continue;
                foreach (var c in _graph.Incoming(current)) stack.Push(c.Source);
            }
            return false;
        }

        private ExpressionParseOptions ParseOptions { get; } = new()
        {
            DoubleQuotedStrings = result.Document!.ConnectionProvider is "bigquery" or "databricks" or "databricksWarehouse",
        };

        /// <summary>One node, as its component's decompilation sees it.</summary>
        private sealed class NodeDecompiling(DecompilerRun run, CanvasNode node, Component component, bool split) : ComponentDecompilingContext
        {
            private readonly NodeInputs _values = new(node, component, run._text, run._variables, run._scratch);

            public override IComponentValues Values => _values;
            public override Workflow Workflow => run._workflow;
            public override RelNode? Ir(string output) => run.Ir(node, output);
            public override bool Split => split;
            public override IdentifierSyntax OutputName(string output) => run.RelationName(node, output);
            public override IdentifierSyntax InputName(string port) => run.RelationName(run._graph.Incoming(node, port)[0]);
            public override Seq<IdentifierSyntax> InputNames(string port) => [.. run._graph.Incoming(node, port).Select(run.RelationName)];
            public override (IdentifierSyntax Main, IdentifierSyntax Other) JoinNames() => run.JoinNames(node);
            public override ExpressionSyntax Expression(string parameter) => CwfParser.ParseExpression(Fragment(parameter), run.ParseOptions).Syntax!;
            public override Seq<SelectItemSyntax> SelectList(string parameter) => CwfParser.ParseSelectList(Fragment(parameter), run.ParseOptions).Syntax!.Items;
            public override Schema? DeclaredSchema => node.DeclaredSchema;

            private Text.SourceText Fragment(string parameter) => Text.SourceText.From(SqlText.TrimEnd(_values.Text(parameter)!));
        }
    }
}
