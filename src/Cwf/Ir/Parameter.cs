using Cwf.Diagnostics;

namespace Cwf.Ir;

/// <summary>
/// A workflow parameter with its default value (a CLR value as in <see cref="Literal"/>).
/// Public parameters become arguments of the emitted stored procedure; in a script every
/// parameter is inlined as a literal.
/// </summary>
public sealed record Parameter(string Name, SqlType Type, object? Value, bool IsPublic)
{
    public Location? Origin { get; init; }

    public Literal ValueLiteral => new(Value, Type);

    public override string ToString() => $"param {Name}: {Type.Name()} = {ExprPrinter.Literal(Value)}{(IsPublic ? " (public)" : "")}";
}
