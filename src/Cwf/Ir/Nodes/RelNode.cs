using Cwf.Diagnostics;

namespace Cwf.Ir;

/// <summary>
/// A relational operator in the workflow DAG. Nodes refer to their inputs by id (never by
/// object reference), so the graph is a flat table: walks are loops, not recursion, and a
/// shared result is simply an id used twice. Every node carries its output schema.
/// </summary>
/// <param name="Id">Unique within the workflow; assigned in creation order, so inputs have smaller ids.</param>
/// <param name="Name">A human name for the step (a let name, a canvas label); backends derive CTE names from it.</param>
public abstract record RelNode(int Id, string Name)
{
    /// <summary>The columns this node produces (a sink: the columns it writes).</summary>
    public abstract Schema Schema { get; }

    /// <summary>Ids of the input nodes, in port order.</summary>
    public abstract Seq<int> Inputs { get; }

    /// <summary>Where the step was written (a .cwf span or a canvas node), for diagnostics.</summary>
    public Location? Origin { get; init; }

    /// <summary>A copy reading from other inputs (same count and order).</summary>
    public abstract RelNode WithInputs(Seq<int> inputs);

    /// <summary>The expressions this node evaluates (filters, projections, keys...), for passes that only inspect them.</summary>
    public virtual IEnumerable<Expr> Expressions => [];
}

/// <summary>A node with exactly one input.</summary>
public abstract record UnaryNode(int Id, string Name, int Input) : RelNode(Id, Name)
{
    public override Seq<int> Inputs => [Input];
    public override RelNode WithInputs(Seq<int> inputs) => this with { Input = inputs[0] };
}
