using System.Collections.Immutable;
using System.Diagnostics;
using Cwf.Diagnostics;
using Cwf.Interpretation.Evaluation;
using Cwf.Interpretation.Operators;
using Cwf.Ir;

namespace Cwf.Interpretation;

/// <summary>
/// The reference interpreter: runs a workflow's IR in process over in-memory tables. It is the
/// test oracle (compiled SQL of every dialect must mean what the interpreter computes) and the
/// engine behind <c>cwf run</c>. Semantics, tolerances and file formats: spec/interpreter.md.
/// <para>
/// Steps run in the workflow's topological order in one loop (no recursion over the graph).
/// Scans read the input tables as given; sinks write into <see cref="InterpretationResult.Outputs"/>.
/// A run-time error (division by zero, a failed cast, custom SQL...) becomes a diagnostic at
/// the step's origin; steps that depend on a failed step do not run, independent ones still do.
/// Nothing here throws on user input or data.
/// </para>
/// </summary>
public static class Interpreter
{
    public static InterpretationResult Run(Workflow workflow, Database input, InterpreterOptions? options = null, IRunProgress? progress = null)
    {
        options ??= InterpreterOptions.Default;
        progress ??= NullRunProgress.Instance;
        // One clock for the whole run: current_date and current_timestamp become literals here.
        workflow = RunClock.Fixed(workflow, options.Now ?? DateTime.UtcNow);
        var diagnostics = new DiagnosticBag();
        if (ExternalServices.Refusals(workflow) is { IsEmpty: false } refused) return new InterpretationResult(Database.Empty, refused, ImmutableDictionary<int, Table>.Empty);
        var context = new StepContext(ResolveParameters(workflow, options, diagnostics), options.MaxDegreeOfParallelism);
        var results = new Dictionary<int, Table>();
        var kept = ImmutableDictionary.CreateBuilder<int, Table>();
        var failed = new HashSet<int>();
        var pendingConsumers = workflow.Consumers().ToDictionary(kv => kv.Key, kv => kv.Value.Length);
        var outputs = Database.Empty;
        var checks = new List<(int Id, CheckOutcome Outcome)>();
        int completed = 0;

        foreach (var node in workflow.Nodes)
        {
            completed++;
            if (node.Inputs.Where(failed.Contains).Select(id => (int?)id).FirstOrDefault() is { } failedInput)
            {
                failed.Add(node.Id);
                if (node is SinkNode skipped)
                    diagnostics.Report(DiagnosticCodes.RunStepSkipped, node.Origin ?? Location.None,
                        $"table {skipped.Table} was not written because step {Describe(workflow[failedInput])} failed");
            }
            else
            {
                var step = new RunStep(completed, workflow.Nodes.Length, $"{node.OperatorName} {(node.Name.Length > 0 ? $"'{node.Name}'" : $"%{node.Id}")}") { NodeId = node.Id };
                progress.StepStarted(step);
                long started = Stopwatch.GetTimestamp();
                int? rows = null;
                try
                {
                    var table = node.Accept(new StepEvaluator([.. node.Inputs.Select(id => results[id])], input, context));
                    if (node is SinkNode sink) outputs = SinkStep.Write(sink, table, outputs, input);
                    else if (node is CheckNode check) checks.Add(Measure(check, table, diagnostics));
                    else
                    {
                        results[node.Id] = table;
                        if (options.KeepNodeResults) kept[node.Id] = table;
                    }
                    rows = table.Count;
                }
                catch (InterpretationException e)
                {
                    failed.Add(node.Id);
                    diagnostics.Report(e.Descriptor, node.Origin ?? Location.None, $"in step {Describe(node)}: {e.Message}", e.Hint ?? "");
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // A bug in the interpreter, not the user's: still a diagnostic, never an escaping exception.
                    failed.Add(node.Id);
                    diagnostics.Report(DiagnosticCodes.InternalError, node.Origin ?? Location.None,
                        $"in step {Describe(node)}: the interpreter failed: {e.GetType().Name}: {e.Message}");
                }
                // Outside the try: a failing progress display is not a failure of the step.
                if (rows is { } count) progress.StepFinished(step, count, Stopwatch.GetElapsedTime(started));
                else progress.StepFailed(step, Stopwatch.GetElapsedTime(started));
            }

            // Free each input once its last consumer has run.
            foreach (var id in node.Inputs)
                if (--pendingConsumers[id] == 0) results.Remove(id);
        }
        return new InterpretationResult(outputs, diagnostics.ToImmutable(), kept.ToImmutable())
        {
            Checks = [.. checks.OrderBy(c => c.Id).Select(c => c.Outcome)],
        };
    }

    // A check's input is one row whose first column is the measure; a failing check is an error at the assert.
    private static (int Id, CheckOutcome Outcome) Measure(CheckNode check, Table table, DiagnosticBag diagnostics)
    {
        long measure = table.Count == 0 || table.RowArrays[0][0] is not { } value ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        var outcome = new CheckOutcome(check.Check, measure, check.Low, check.High);
        if (!outcome.Passed)
            diagnostics.Report(DiagnosticCodes.CheckFailed, check.Origin ?? Location.None,
                CheckOutcome.FailureMessage(check, measure.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                check.Low == check.High ? $"the check accepts {check.Low}" : $"the check accepts {check.Low} to {check.High}");
        return (check.Id, outcome);
    }

    /// <summary>Computes one step's rows from its inputs' (a sink's: the rows it writes).</summary>
    private sealed class StepEvaluator(IReadOnlyList<Table> inputs, Database tables, StepContext context) : IRelNodeVisitor<Table>
    {
        public Table VisitScan(ScanNode node) => ScanStep.Run(node, tables, context);
        public Table VisitValues(ValuesNode node) => ValuesStep.Run(node, context);
        public Table VisitFilter(FilterNode node) => FilterStep.Run(node, inputs[0], context);
        public Table VisitProject(ProjectNode node) => ProjectStep.Run(node, inputs[0], context);
        public Table VisitAggregate(AggregateNode node) => AggregateStep.Run(node, inputs[0], context);
        public Table VisitJoin(JoinNode node) => JoinStep.Run(node, inputs[0], inputs[1], context);
        public Table VisitSemiJoin(SemiJoinNode node) => SemiJoinStep.Run(node, inputs[0], inputs[1], context);
        public Table VisitNearest(NearestNode node) => NearestStep.Run(node, inputs[0], inputs[1], context);
        public Table VisitUnionAll(UnionAllNode node) => UnionAllStep.Run(node, inputs);
        public Table VisitSort(SortNode node) => SortStep.Run(node, inputs[0], context);
        public Table VisitLimit(LimitNode node) => LimitStep.Run(node, inputs[0], context);
        public Table VisitDistinct(DistinctNode node) => DistinctStep.Run(node, inputs[0]);
        public Table VisitWindow(WindowNode node) => WindowStep.Run(node, inputs[0], context);
        public Table VisitExplode(ExplodeNode node) => ExplodeStep.Run(node, inputs[0], context);
        public Table VisitSink(SinkNode node) => Table.FromTrustedRows(node.Schema, inputs[0].RowArrays);
        public Table VisitCheck(CheckNode node) => inputs[0];

        public Table VisitOpaque(OpaqueNode node) => throw new InterpretationException(DiagnosticCodes.OpaqueStepNotInterpretable,
            node.IsCustomSql
                ? "custom SQL runs only on a warehouse; the interpreter cannot evaluate it"
                : $"component '{node.Component}' is unknown to cwf and cannot be interpreted",
            "run the compiled SQL on the warehouse instead, or replace the step with portable components");
    }

    private static string Describe(RelNode node) => node.Name.Length > 0 ? $"'{node.Name}' (%{node.Id})" : $"%{node.Id}";

    private static ImmutableDictionary<string, object?> ResolveParameters(Workflow workflow, InterpreterOptions options, DiagnosticBag diagnostics)
    {
        var values = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in workflow.Parameters)
        {
            var given = options.Parameters.FirstOrDefault(kv => string.Equals(kv.Key, parameter.Name, StringComparison.OrdinalIgnoreCase));
            object? raw = given.Key is null ? parameter.Value : given.Value;
            if (SqlValues.TryNormalize(raw, parameter.Type, out var value))
            {
                values[parameter.Name] = value;
                continue;
            }
            try
            {
                values[parameter.Name] = raw is string text ? Casts.Cast(text, parameter.Type) : SqlValues.Widen(raw, parameter.Type);
            }
            catch (InterpretationException e)
            {
                diagnostics.Report(DiagnosticCodes.RunParameterInvalid, parameter.Origin ?? Location.None,
                    $"parameter @{parameter.Name} ({parameter.Type.Name()}): {e.Message}");
            }
        }
        foreach (var name in options.Parameters.Keys.Where(n => workflow.FindParameter(n) is null))
            diagnostics.Report(DiagnosticCodes.RunParameterInvalid, Location.None, $"the workflow has no parameter @{name}",
                workflow.Parameters.IsEmpty ? "it has no parameters" : "its parameters: " + string.Join(", ", workflow.Parameters.Select(p => "@" + p.Name)));
        return values.ToImmutable();
    }
}
