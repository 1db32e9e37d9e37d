using Cwf.Interpretation;
using Cwf.Ir;
using static Cwf.Tests.Interpretation.Harness;

namespace Cwf.Tests.Interpretation;

/// <summary>What the interpreter tells an <see cref="IRunProgress"/>: every step that runs starts, then finishes with its rows or fails; steps after a failure are not reported.</summary>
public class RunProgressTests
{
    private static readonly Schema Numbers = Schema(("n", SqlType.Int64));

    [Fact]
    public void Each_step_starts_then_finishes_with_its_rows_in_the_order_it_runs()
    {
        var b = new WorkflowBuilder("progress");
        var scan = b.Scan(Source, Numbers, "numbers");
        var big = b.Filter(scan.Id, ExprFactory.Binary(BinaryOp.Greater, Col(Numbers, "n"), Literal.Int(1)), FilterBranch.Match, "big");
        b.Sink(big.Id, Output, WriteMode.Replace, "out");
        var progress = new RecordingProgress();
        var result = Interpreter.Run(b.ToWorkflow(), Database.Empty.With(Source, Table(Numbers, [1L], [2L], [3L])), progress: progress);

        Assert.True(result.Succeeded);
        Assert.Equal(
        [
            "started [1/3] scan 'numbers'", "finished [1/3] scan 'numbers': 3 rows",
            "started [2/3] filter 'big'", "finished [2/3] filter 'big': 2 rows",
            "started [3/3] sink 'out'", "finished [3/3] sink 'out': 2 rows",
        ], progress.Events);
        Assert.All(progress.Elapsed, e => Assert.True(e >= TimeSpan.Zero));
    }

    [Fact]
    public void A_failing_step_is_reported_failed_and_the_steps_that_read_it_are_not_reported()
    {
        var b = new WorkflowBuilder("failing");
        var scan = b.Scan(Source, Numbers, "numbers");
        var divided = b.Project(scan.Id, [new NamedExpr("q", ExprFactory.Binary(BinaryOp.Divide, Literal.Int(1), Col(Numbers, "n")))], "divided");
        b.Sink(divided.Id, Output, WriteMode.Replace, "out");
        b.Sink(scan.Id, TableName.TryParse("copy")!, WriteMode.Replace, "copy");
        var progress = new RecordingProgress();
        var result = Interpreter.Run(b.ToWorkflow(), Database.Empty.With(Source, Table(Numbers, [0L])), progress: progress);

        Assert.False(result.Succeeded);
        Assert.Equal(
        [
            "started [1/4] scan 'numbers'", "finished [1/4] scan 'numbers': 1 rows",
            "started [2/4] project 'divided'", "failed [2/4] project 'divided'",
            "started [4/4] sink 'copy'", "finished [4/4] sink 'copy': 1 rows",
        ], progress.Events);
    }
}
