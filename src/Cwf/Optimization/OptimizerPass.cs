using Cwf.Ir;

namespace Cwf.Optimization;

/// <summary>
/// One rewrite rule over the whole workflow. A pass is a pure function: it returns a new
/// workflow, or the very instance it was given when it changed nothing (the pass manager
/// detects changes by reference). A pass must never change the workflow's results: the same rows,
/// with floats allowed to differ only by rounding (reordered sums), within the rule that
/// spec/equivalence.md ("Floating-point results") states and the property tests check.
/// </summary>
public abstract class OptimizerPass
{
    /// <summary>The stable kebab-case name used by `--disable-pass` and `cwf explain`.</summary>
    public abstract string Name { get; }

    /// <summary>One line on what the pass does, for `cwf explain --passes` and the docs.</summary>
    public abstract string Description { get; }

    public abstract Workflow Run(Workflow workflow, OptimizerTarget target);

    public override string ToString() => Name;
}
