namespace Cwf.Emit;

/// <summary>
/// Stored procedures (<c>--emit procedure</c>), where <see cref="DialectCapabilities.StoredProcedures"/>:
/// how the procedure is created and called and how its body reads its arguments.
/// </summary>
public abstract partial class Dialect
{
    /// <summary>The name of the procedure argument for a workflow parameter (prefixed: plain names would clash with columns).</summary>
    public virtual string ProcedureArgumentName(string parameter) => "p_" + RelationNamer.Sanitize(parameter);

    /// <summary>How the procedure body reads an argument.</summary>
    public virtual SqlFragment ProcedureArgumentReference(string argument) => SqlFragment.Atom(argument);

    /// <summary>A stored procedure whose body runs <paramref name="statements"/> (each already ending in a semicolon).</summary>
    public virtual SqlBlock Procedure(string name, IReadOnlyList<ProcedureArgument> arguments, SqlBlock statements) =>
        throw new NotSupportedException($"{DisplayName} has no stored procedures.");

    /// <summary>Why the procedure body cannot be quoted as this dialect quotes it (a <c>$$</c> inside a <c>$$</c> body), or null.</summary>
    public virtual string? ProcedureBodyProblem(string body) => null;

    /// <summary>The statement that calls the procedure with the default values (shown in a comment).</summary>
    public virtual string ProcedureCall(string name, IReadOnlyList<ProcedureArgument> arguments) =>
        $"CALL {name}({string.Join(", ", arguments.Select(a => a.DefaultValue))})";

    /// <summary>
    /// The argument list of a procedure header: <c>name type</c>, with <c>DEFAULT value</c> where
    /// the warehouse takes defaults (<paramref name="defaults"/>), each on its own line.
    /// </summary>
    protected static SqlBlock ArgumentList(string head, IReadOnlyList<ProcedureArgument> arguments, bool defaults, string prefix = "")
    {
        var block = new SqlBlock();
        if (arguments.Count == 0) return block.Line(head + "()");
        block.Line(head + "(");
        for (int i = 0; i < arguments.Count; i++)
        {
            var a = arguments[i];
            var text = $"{prefix}{a.Name} {a.TypeName}" + (defaults ? $" DEFAULT {a.DefaultValue}" : "");
            block.Line(text + (i < arguments.Count - 1 ? "," : ""), 2);
        }
        return block.Line(")");
    }
}
