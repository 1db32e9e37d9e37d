using Cwf.Ir;
using Cwf.Tests.Infrastructure;

namespace Cwf.Tests.Equivalence.Regressions;

/// <summary>Small builders for the regression workflows: one input table, steps, sinks.</summary>
internal sealed class Workflows
{
    private readonly WorkflowBuilder _builder = new("regression");

    public Workflows(TestTable input)
    {
        Input = input;
        Scan = _builder.Scan(input.Name, input.Schema, input.Name.Table).Id;
    }

    public TestTable Input { get; }
    public int Scan { get; }
    public WorkflowBuilder Builder => _builder;

    public ColumnRef Col(string name, int input = 0) => ExprFactory.Column(Input.Schema.Find(name)!, input);

    public Workflows Sink(int node, string table)
    {
        _builder.Sink(node, TableName.TryParse(table)!, WriteMode.Replace, table);
        return this;
    }

    public int Project(params (string Name, Expr Expr)[] columns) =>
        _builder.Project(Scan, columns.Select(c => new NamedExpr(c.Name, c.Expr)), "project").Id;

    public Workflow Build() => _builder.ToWorkflow();
}
