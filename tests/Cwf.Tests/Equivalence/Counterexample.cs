using System.Text;

namespace Cwf.Tests.Equivalence;

/// <summary>How a failing case is reported: what differs, the workflow (IR with schemas), its materialization plan, the input data and the SQL that ran.</summary>
public static class Counterexample
{
    public static string Format(PreparedCase c, string problem)
    {
        var text = new StringBuilder();
        text.Append("---- what differs\n").Append(problem.TrimEnd()).Append('\n');
        text.Append("---- workflow and data\n").Append(c.Case).Append('\n');
        text.Append("---- ").Append(c.Dialect).Append(" SQL (tables moved into schema ").Append(c.Isolated.Schema).Append(")\n");
        text.Append(c.Sql ?? "(none)").Append('\n');
        return text.ToString();
    }
}
