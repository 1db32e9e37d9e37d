using Cwf.Components;
using Cwf.Components.Library;
using Cwf.Diagnostics;
using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Binding;

internal sealed partial class ProgramBinder
{
    /// <summary>
    /// Binds a pipeline step by step (a loop: 10,000 steps are fine); null when it failed. Each step is bound
    /// by the component that owns its keyword. When a step fails, the rest of the pipeline is still checked
    /// for mistakes that do not depend on it; a failed filter, sort or take keeps its input's columns, so
    /// checking goes on normally.
    /// </summary>
    private Relation? BindPipeline(PipelineSyntax pipeline, string name) =>
        BindSteps(pipeline, pipeline.Steps.Count, name);

    private Relation? BindSteps(PipelineSyntax pipeline, int count, string name)
    {
        var current = ResolveRelation(pipeline.Input);
        AddScope(pipeline.Input.Span, null, current?.Scope.Schema);
        for (int i = 0; i < count; i++)
        {
            var step = pipeline.Steps[i];
            var stepName = i == pipeline.Steps.Count - 1 ? name : $"{name}_{i + 1}_{step.Keyword}";
            var input = current;
            current = current is null ? CheckOnly(step) : BindStep(step, current, Step(stepName, step));
            AddScope(step.Span, input?.Scope.Schema, current?.Scope.Schema);
        }
        return current;
    }

    /// <summary>
    /// <c>let a, b = ... | split c</c> (or <c>| spatial_filter ...</c>): everything is checked now,
    /// and each result's node is built when the result is first used.
    /// </summary>
    private PendingRelation[] BindTwoResultPipeline(PipelineSyntax pipeline, string first, string second)
    {
        PendingRelation[] failed = [PendingRelation.Of(null), PendingRelation.Of(null)];
        if (pipeline.Steps.Count == 0)
        {
            var input = ResolveRelation(pipeline.Input);
            if (input is not null)
                _diagnostics.Report(DiagnosticCodes.ResultCountMismatch, Locate(pipeline), $"'{pipeline.Input.Name}' is one result, but two names are given",
                    "end the pipeline with split or spatial_filter, which have two results (match and unmatch)");
            return failed;
        }
        var current = BindSteps(pipeline, pipeline.Steps.Count - 1, first);
        var step = pipeline.Steps[^1];
        // Both results of a split keep its input's columns.
        AddScope(step.Span, current?.Scope.Schema, current?.Scope.Schema);
        if (current is null)
        {
            CheckOnly(step);
            return failed;
        }
        if (Owner(step) is not { } owner) return failed;
        if (!owner.HasTwoResults(step))
        {
            _diagnostics.Report(DiagnosticCodes.ResultCountMismatch, Locate(step), $"'{step.Keyword}' has one result, but two names are given",
                step is FilterStepSyntax ? "use split to get both the matching and the other rows" : "end the pipeline with split or spatial_filter, which have two results");
            CheckOnly(step);
            return failed;
        }
        if (owner.BindBranches(step, new BoundStep(this, current, Step(first, step))) is not { } build) return failed;
        PendingRelation Branch(FilterBranch branch, string name) => PendingRelation.Later(() => Relation(build(branch, Step(name, step))));
        return [Branch(FilterBranch.Match, first), Branch(FilterBranch.Unmatch, second)];
    }

    private Relation? BindStep(StepSyntax step, Relation input, StepInfo info) =>
        Owner(step) is { } owner ? Relation(owner.Bind(step, new BoundStep(this, input, info))) : null;

    /// <summary>
    /// The component that owns the step's keyword. A step in the generic form whose keyword no component owns
    /// (a tree built in code: the parser reports unknown keywords itself) is reported here, as the parser would.
    /// </summary>
    private StepComponent? Owner(StepSyntax step)
    {
        if (_components.StepOwner(step.Keyword) is { } owner) return owner;
        if (step is not GenericStepSyntax generic)
            throw new InvalidOperationException($"No component owns the .cwf step '{step.Keyword}' ({step.GetType().Name}).");
        _diagnostics.Add(_components.Steps.UnknownStep(generic.Name.Name, Locate(generic.Name)));
        return null;
    }

    private static Relation? Relation(StepBinding? bound) => (bound as BoundStep)?.Bound;

    /// <summary>
    /// Checks a step whose input failed: only mistakes that do not depend on the input's columns
    /// (unknown functions, unknown relation names, misplaced aggregates) are reported.
    /// </summary>
    private Relation? CheckOnly(StepSyntax step)
    {
        var open = new Relation(-1, new ScopeInput(Schema.Open));
        _components.StepOwner(step.Keyword)?.Check(step, new BoundStep(this, open, new StepInfo("", Locate(step))));
        return null;
    }

    // ---------------------------------------------------------------------------------------
    // Helpers

    private ExpressionBinder Binder(Relation input, string context) =>
        new(ExpressionScope.Of(input.Scope, _parameterTypes), _source, Options(context), _diagnostics);

    // The options of every expression of a kind (a filter condition, a select list...): one object each, not one per step.
    private ExpressionBinderOptions Options(string context)
    {
        if (!_optionsByContext.TryGetValue(context, out var options))
            _optionsByContext[context] = options = new ExpressionBinderOptions { Context = context };
        return options;
    }

    // A step parameter names a column, never a parameter.
    private static readonly ExpressionBinderOptions ColumnArgOptions = new() { BareNamesMayBeParameters = false };

    /// <summary>The column a step parameter names (bare or qualified), as the component wants it.</summary>
    private ColumnArg? ResolveColumnArg(Relation input, NameSyntax name) => ResolveColumnArg(ExpressionScope.Of(input.Scope, _parameterTypes), name, out _);

    private ColumnArg? ResolveColumnArg(ExpressionScope scope, NameSyntax name, out int side)
    {
        side = -1;
        var binder = new ExpressionBinder(scope, _source, ColumnArgOptions, _diagnostics);
        if (binder.BindScalar(name) is not ColumnRef column) return null;
        side = column.Input;
        return new ColumnArg(column.Name, Locate(name));
    }

    /// <summary>The relation a step produced, keeping the input's qualifier and aliases.</summary>
    private Relation Next(Relation input, int node)
    {
        var schema = _builder.SchemaOf(node);
        // A step that keeps its input's columns (a filter) keeps its input's names: the same input, not an equal copy.
        var scope = ReferenceEquals(schema, input.Scope.Schema) ? input.Scope : ScopeInput.Keeping(schema, input.Scope.Qualifier, input.Scope.Aliases);
        return new(node, scope);
    }

    /// <summary>
    /// The binder at one step, for the component that binds it: a relation of the pipeline with the
    /// names its columns can be referred to by, and the binder's services over it.
    /// </summary>
    private sealed class BoundStep(ProgramBinder binder, Relation relation, StepInfo step) : StepBinding
    {
        /// <summary>The relation so far, with its names.</summary>
        public Relation Bound => relation;
        public override LoweringContext Lowering => binder._cx;
        public override int Node => relation.Node;
        public override StepInfo Step => step;
        public override Location Locate(SyntaxNode node) => binder.Locate(node);
        public override Expr? Scalar(ExpressionSyntax expression, string what) => binder.Binder(relation, what).BindScalar(expression);
        public override WindowCall? Window(WindowCallSyntax expression, string name) => binder.Binder(relation, "a window column").BindWindowCall(expression, name);
        public override Seq<WindowKey>? WindowKeys(Seq<WindowKeySyntax> keys, string what) => binder.Binder(relation, what).BindWindowKeys(keys);
        public override Expr? Length(ExpressionSyntax expression, string? unit, string what) => binder.Binder(relation, what).BindLength(expression, unit);
        public override ColumnArg? Column(NameSyntax name) => binder.ResolveColumnArg(relation, name);

        public override StepBinding? Relation(IdentifierSyntax name) =>
            binder.ResolveRelation(name) is { } other ? new BoundStep(binder, other, step) : null;

        public override StepBinding Next(int node) => new BoundStep(binder, binder.Next(relation, node), step);

        public override StepBinding Reshaped(int node) =>
            new BoundStep(binder, new Relation(node, new ScopeInput(binder._builder.SchemaOf(node), relation.Scope.Qualifier)), step);

        public override StepBinding Renamed(int node, string column, string newName)
        {
            // Keep qualified names working: blocks.pop still finds the column after it is renamed.
            var aliases = relation.Scope.Aliases.Select(a => string.Equals(a.Column, column, StringComparison.OrdinalIgnoreCase) ? a with { Column = newName } : a);
            return new BoundStep(binder, new Relation(node, new ScopeInput(binder._builder.SchemaOf(node), relation.Scope.Qualifier, aliases)), step);
        }

        public override IReadOnlyList<(NamedExpr Column, SyntaxNode Site)>? SelectItems(Seq<SelectItemSyntax> items) =>
            binder.Binder(relation, "a select list").BindSelectItemsWithSites(items);

        public override AggregateCall? Aggregate(ExpressionSyntax expression, string? name, SyntaxNode site, string what) =>
            binder.Binder(relation, what).BindAggregateCall(expression, name, site);

        /// <summary>The canvas method and column of <c>sum(x)</c>, <c>count(distinct x)</c> ..., or null for other forms.</summary>
        public override (string Method, NameSyntax Column)? CanvasAggregation(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedSyntax p) expression = p.Inner;
            if (expression is not CallSyntax { Arguments: [NameSyntax column], OrderBy.IsEmpty: true } call) return null;
            if (FunctionCatalog.UnqualifiedName([.. call.Name.Select(n => n.Name)]) is not { } name) return null;
            var function = FunctionCatalog.FindAggregate(name);
            if (function is null || (call.Distinct && function != AggregateFunction.Count)) return null;
            var kind = call.Distinct ? AggregateFunction.CountDistinct : function.Value;
            return ComponentLowering.CanvasMethod(kind) is { } method ? (method, column) : null;
        }

        public override Schema? DeclaredSchema(Seq<ColumnDeclarationSyntax> columns, string owner) => binder.DeclaredSchema(columns, owner);

        public override JoinBinding? Join(IdentifierSyntax other) =>
            binder.ResolveRelation(other) is { } right ? new JoinSides(binder, this, right, other.Name) : null;
    }
}
