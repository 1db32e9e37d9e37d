using Cwf.Components;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Canvas;

/// <summary>
/// Turns an imported canvas into an idiomatic .cwf program: the workflow title, parameters from
/// the variables (public: <c>param</c>, private: <c>const</c>), sources, then one <c>let</c> per
/// step that must be named (it branches, feeds a second input, ends in a save or splits in two)
/// with linear chains folded into pipelines, and the outputs. <c>let</c> names come from node
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

            foreach (var node in lowered.Where(n => n.Component == "ReadTable"))
                statements.Add(WithNote(node, Source(node)));
            foreach (var node in lowered.Where(n => n.Component is not ("ReadTable" or "native.saveastable") && IsNamed(n)))
            {
                if (ComponentCatalog.Find(node.Component) is null)
                {
                    statements.Add(WithNote(node, Opaque(node)));
                    continue;
                }
                var let = Let(node);
                statements.AddRange(_aliases);
                _aliases.Clear();
                statements.Add(WithNote(node, let));
            }
            foreach (var node in lowered.Where(n => n.Component == "native.saveastable"))
                statements.Add(WithNote(node, Output(node)));
            return new ProgramSyntax(statements.ToSeq());
        }

        // ---------------------------------------------------------------------------------------
        // Which steps get a name

        /// <summary>
        /// A step is named unless exactly one step reads it, through its piped (first) input, and that
        /// step is neither a save (outputs read named results) nor a join-like step (whose conditions
        /// qualify the piped relation by its name).
        /// </summary>
        private bool IsNamed(CanvasNode node)
        {
            if (ComponentCatalog.Find(node.Component) is null) return true;
            var consumers = _graph.Outgoing(node);
            if (consumers.Count != 1 || consumers[0].SourceHandle == "unmatch") return true;
            var consumer = consumers[0];
            return consumer.Target.Component is "native.saveastable" or "native.join" or "native.spatialjoin" or "native.spatialfilter"
                || !IsPiped(consumer) || ComponentCatalog.Find(consumer.Target.Component) is null;
        }

        /// <summary>Whether the connection feeds the consumer's first input, the one a pipeline passes on.</summary>
        private bool IsPiped(CanvasConnection c) => c.TargetHandle switch
        {
            "source" or "table" or "sourcea" or "maintable" => true,
            "tables" => _graph.Incoming(c.Target, "tables")[0] == c,
            _ => false,
        };

        /// <summary>The name of a node's output as a relation.</summary>
        private IdentifierSyntax RelationName(CanvasNode node, string handle) =>
            new(handle == "unmatch" ? _names.Unmatch(node) : _names.Of(node));

        private IdentifierSyntax RelationName(CanvasConnection c) => RelationName(c.Source, c.SourceHandle);

        // ---------------------------------------------------------------------------------------
        // Statements

        private SourceStatementSyntax Source(CanvasNode node)
        {
            var scan = (ScanNode)_workflow[result.IrNodes[(node.Id, "out")]];
            return new SourceStatementSyntax(RelationName(node, "out"), new TableNameSyntax(scan.Table.ToString()),
                node.DeclaredSchema is { } schema ? Declarations(schema) : null);
        }

        private StatementSyntax Let(CanvasNode node)
        {
            var handles = _graph.Outgoing(node).Select(c => c.SourceHandle).ToHashSet();
            var names = !handles.Contains("unmatch") ? [RelationName(node, "result")]
                : new Seq<IdentifierSyntax>([handles.Contains("match") ? RelationName(node, "match") : new IdentifierSyntax("_"), RelationName(node, "unmatch")]);
            return new LetStatementSyntax(names, Pipeline(node, split: handles.Contains("unmatch")));
        }

        private OutputStatementSyntax Output(CanvasNode node)
        {
            var sink = (SinkNode)_workflow[result.IrNodes[(node.Id, "")]];
            var input = _graph.Incoming(node, "source")[0];
            return new OutputStatementSyntax(new PipelineSyntax(RelationName(input), []), new TableNameSyntax(sink.Table.ToString()), sink.Mode);
        }

        /// <summary>
        /// A component cwf does not know has no .cwf form yet: its name, inputs and values are written as a
        /// statement that keeps them visible (and does not compile, as the canvas does not either).
        /// </summary>
        private ErroneousStatementSyntax Opaque(CanvasNode node)
        {
            var opaque = (OpaqueNode)Ir(node);
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
                var step = Step(node, split && node == last);
                if (node != last)
                    step = step with
                    {
                        LeadingComments = _notes.GetValueOrDefault(node.Id),
                        TrailingComments = string.IsNullOrWhiteSpace(node.Label) ? [] : [CommentSyntax.Line(node.Label.Trim())],
                    };
                steps.Add(step);
                var piped = _graph.Incoming(node).Where(IsPiped).First();
                if (IsNamed(piped.Source) || piped.Source.Component == "ReadTable")
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
        // Steps

        private StepSyntax Step(CanvasNode node, bool split)
        {
            var a = new NodeInputs(node, ComponentCatalog.Find(node.Component)!, _text, _variables, _scratch);
            return node.Component switch
            {
                "native.select" => Select(node, a),
                "native.selectexpression" => Derive(node, a),
                "native.dropcolumn" => new DropStepSyntax([.. a.Columns("column")!.Select(c => Name(c.Name))]),
                "native.renamecolumn" => new RenameStepSyntax([new RenamingSyntax(Name(a.Column("column")!.Name), new IdentifierSyntax(a.String("newname")!))]),
                "native.where" or "native.wheresimplified" or "native.isnotnull" => Condition(node, a, split),
                "native.orderby" => new SortStepSyntax([new SortKeySyntax(Name(a.Column("column")!.Name), a.Selection("direction") == "Descending")]),
                "native.limit" => new TakeStepSyntax(ExprSyntaxWriter.Write(a.Integer("limit")!)),
                "native.distinct" => new DistinctStepSyntax(),
                "native.groupby" => new GroupStepSyntax([.. a.Columns("groupby")!.Select(k => new GroupKeySyntax(null, Name(k.Name)))], Aggregates(a)),
                "native.summarize" => new SummarizeStepSyntax(Aggregates(a)),
                "native.join" => Join(node, a),
                "native.spatialjoin" => new SpatialJoinStepSyntax(JoinNames(node).Other, Predicate(node, a, "maincolumn", "secondarycolumn")),
                "native.spatialfilter" => new SpatialFilterStepSyntax(JoinNames(node).Other, Predicate(node, a, "geosource", "geofilter")),
                "native.unionall" => new UnionStepSyntax([.. _graph.Incoming(node, "tables").Skip(1).Select(RelationName)]),
                "native.buffer" => new BufferStepSyntax(Name(a.Column("geo")!.Name), ExprSyntaxWriter.Write(a.Number("distance")!), Units.Symbol(Units.ParseLength(a.Selection("units")!)!.Value)),
                "native.centroid" => new CentroidStepSyntax(Name(a.Column("geo")!.Name)),
                "native.area" => new AreaStepSyntax(Name(a.Column("geo")!.Name), Units.Symbol(Units.ParseArea(a.Selection("units")!)!.Value)),
                "native.distance" => new DistanceStepSyntax(Name(a.Column("geo1")!.Name), Name(a.Column("geo2")!.Name), Units.Symbol(Units.ParseLength(a.Selection("units")!)!.Value)),
                "native.geogpoint" => new PointStepSyntax(Name(a.Column("latitude")!.Name), Name(a.Column("longitude")!.Name)),
                "native.h3frompoint" => new H3StepSyntax(Name(a.Column("pointscol")!.Name), ExprSyntaxWriter.Write(a.Integer("resolution")!)),
                "native.h3boundary" => new H3BoundaryStepSyntax(Name(a.Column("h3")!.Name)),
                "native.customsql" => CustomSql(node),
                _ => throw new InvalidOperationException($"No .cwf step for {node.Component}."),
            };
        }

        private RelNode Ir(CanvasNode node, string handle = "result") => _workflow[result.IrNodes[(node.Id, handle)]];

        private StepSyntax Select(CanvasNode node, NodeInputs a)
        {
            var ir = Ir(node);
            if (ir is OpaqueNode opaque) return KeptAsSql(opaque.SqlTemplate!, null, "the select list");
            var parsed = CwfParser.ParseSelectList(Fragment(a, "select"), ParseOptions).Syntax!;
            return new SelectStepSyntax(parsed.Items);
        }

        private StepSyntax Derive(CanvasNode node, NodeInputs a)
        {
            var project = (ProjectNode)Ir(node);
            var name = a.String("column")!;
            var column = project.Columns.First(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            if (column.Expr is RawSql raw)
            {
                var list = project.Columns.Select(c => c == column ? $"({raw.Sql}) AS {name}" : c.Name);
                return KeptAsSql($"SELECT {string.Join(", ", list)} FROM $a", null, "the expression");
            }
            var parsed = CwfParser.ParseExpression(Fragment(a, "expression"), ParseOptions).Syntax!;
            return new DeriveStepSyntax([new DerivationSyntax(new IdentifierSyntax(name), parsed)]);
        }

        /// <summary>A filter's condition: <c>filter</c> (match only) or <c>split</c> (both outputs, or unmatch).</summary>
        private StepSyntax Condition(CanvasNode node, NodeInputs a, bool split)
        {
            var filter = (FilterNode)_workflow[result.IrNodes.TryGetValue((node.Id, "match"), out var m) ? m : result.IrNodes[(node.Id, "unmatch")]];
            if (filter.Predicate is RawSql raw)
            {
                var schema = _workflow[filter.Input].Schema;
                return split
                    ? KeptAsSql($"SELECT * FROM $a WHERE NOT COALESCE(({raw.Sql}), FALSE)", schema, "the condition (rows where it is not true)")
                    : KeptAsSql($"SELECT * FROM $a WHERE ({raw.Sql})", schema, "the condition");
            }
            ExpressionSyntax condition = node.Component == "native.where"
                ? CwfParser.ParseExpression(Fragment(a, "expression"), ParseOptions).Syntax!
                : ExprSyntaxWriter.Write(filter.Predicate);
            return split ? new SplitStepSyntax(condition) : new FilterStepSyntax(condition);
        }

        private Seq<AggregateItemSyntax> Aggregates(NodeInputs a) =>
            a.Aggregations("columns")!.Select(g =>
            {
                var method = ComponentLowering.AggregationMethod(g.Method)!.Value;
                var call = method == AggregateFunction.CountDistinct
                    ? new CallSyntax([new IdentifierSyntax("count")], [Name(g.Column.Name)], Distinct: true)
                    : new CallSyntax(ComponentLowering.MethodName(method), Name(g.Column.Name));
                return new AggregateItemSyntax(new IdentifierSyntax($"{g.Column.Name}_{ComponentLowering.MethodName(method)}"), call);
            }).ToSeq();

        private StepSyntax Join(CanvasNode node, NodeInputs a)
        {
            var join = (JoinNode)Ir(node);
            var (main, secondary) = (a.Column("maincolumn")!.Name, a.Column("secondarycolumn")!.Name);
            var (piped, other) = JoinNames(node);
            ExpressionSyntax condition = string.Equals(main, secondary, StringComparison.OrdinalIgnoreCase)
                ? Name(main)
                : new BinarySyntax(BinaryOperator.Equal, new NameSyntax(piped.Name, main), new NameSyntax(other.Name, secondary));
            return new JoinStepSyntax(join.Kind, other, condition);
        }

        /// <summary><c>predicate(piped.geo, other.geo)</c>, both sides qualified so that equal column names stay unambiguous.</summary>
        private CallSyntax Predicate(CanvasNode node, NodeInputs a, string mainColumn, string otherColumn)
        {
            var (piped, other) = JoinNames(node);
            return new CallSyntax(a.Selection("predicate")!,
                new NameSyntax(piped.Name, a.Column(mainColumn)!.Name), new NameSyntax(other.Name, a.Column(otherColumn)!.Name));
        }

        /// <summary>
        /// The names a join-like step qualifies its two sides with. After a join, .cwf keeps the joined
        /// relations' names as qualifiers of the result (<c>blocks.pop</c> is <c>pop_joined</c>), so when one
        /// side descends from the other, <c>other.col</c> would be ambiguous: that side is then read
        /// through a second name, <c>let blocks_2 = blocks</c>, declared just before the step.
        /// </summary>
        private (IdentifierSyntax Main, IdentifierSyntax Other) JoinNames(CanvasNode node)
        {
            if (_joinNames.TryGetValue(node.Id, out var known)) return known;
            var (mainPort, otherPort) = node.Component == "native.spatialfilter" ? ("source", "filter") : ("maintable", "secondarytable");
            var mainInput = _graph.Incoming(node, mainPort)[0];
            var otherInput = _graph.Incoming(node, otherPort)[0];
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

        private StepSyntax CustomSql(CanvasNode node)
        {
            var opaque = (OpaqueNode)Ir(node);
            var others = new[] { "sourceb", "sourcec" }.SelectMany(p => _graph.Incoming(node, p)).Select(RelationName);
            return new SqlStepSyntax(others.ToSeq(), opaque.SqlTemplate!, opaque.Schema.IsOpen ? null : Declarations(opaque.Schema));
        }

        /// <summary>A SQL fragment cwf could not analyse, as a sql step (same rows; the comment says why).</summary>
        private static StepSyntax KeptAsSql(string sql, Schema? schema, string what) =>
            new SqlStepSyntax([], sql, schema is null || schema.IsOpen ? null : Declarations(schema))
            {
                LeadingComments = [CommentSyntax.Line($"kept as SQL: cwf cannot analyse {what}")],
            };

        private static Seq<ColumnDeclarationSyntax> Declarations(Schema schema) =>
            schema.Columns.Select(c => new ColumnDeclarationSyntax(new IdentifierSyntax(c.Name), new TypeSyntax(c.Type.Name()), !c.Nullable)).ToSeq();

        private static NameSyntax Name(string column) => new(column);

        private ExpressionParseOptions ParseOptions { get; } = new()
        {
            DoubleQuotedStrings = result.Document!.ConnectionProvider is "bigquery" or "databricks" or "databricksWarehouse",
        };

        private static Text.SourceText Fragment(NodeInputs a, string name) => Text.SourceText.From(SqlText.TrimEnd(a.Text(name)!));
    }
}
