using CsCheck;
using Cwf.Interpretation;
using Cwf.Optimization;
using Cwf.Tests.Generators;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Optimization;

/// <summary>
/// The optimizer's correctness property: for random well-typed workflows and random data, the
/// reference interpreter gives the same tables before and after optimization, for every target
/// profile. Generated workflows avoid order-dependent results (a LIMIT always follows a sort on
/// every column), so sinks compare as multisets of rows. The optimized workflow must also keep
/// every expression within the substitution bound.
/// </summary>
public class OptimizerEquivalencePropertyTests
{
    public static TheoryData<string> Targets => ["conservative", "bigquery-like", "postgis-like"];

    [Theory]
    [MemberData(nameof(Targets))]
    public void Optimized_workflows_compute_the_same_tables(string targetName)
    {
        var target = targetName switch
        {
            "bigquery-like" => Fixtures.BigQueryLike,
            "postgis-like" => Fixtures.PostgisLike,
            _ => OptimizerTarget.Conservative,
        };
        // spatial-buffer-to-dwithin trades the buffer's segment approximation for the exact
        // distance (contract 5a.3 allows 0.5%): not an equality, so it is checked on its own tests.
        var options = new OptimizerOptions { Target = target, VerifyEachPass = true }.WithDisabledPasses("spatial-buffer-to-dwithin");
        WorkflowGenerator.Cases(new GeneratorOptions()).Check(c =>
        {
            var result = PassManager.Optimize(c.Workflow, options);
            Assert.Empty(result.Diagnostics);
            Assert.InRange(OutputSizeBoundTests.LargestExpression(result.Optimized), 0,
                Math.Max(SubstitutionBound.MaxNodes, OutputSizeBoundTests.LargestExpression(c.Workflow)));
            var before = Interpreter.Run(c.Workflow, c.Inputs);
            var after = Interpreter.Run(result.Optimized, c.Inputs);
            Assert.Null(Results.Differences(before, after));
        }, iterations: 2 * TestSettings.PropertyIterations, print: c => c.ToString());
    }
}
