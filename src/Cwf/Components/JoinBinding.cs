using Cwf.Ir;
using Cwf.Syntax;

namespace Cwf.Components;

/// <summary>
/// The two sides of a join-like .cwf step (join, spatial_join, spatial_filter), as the binder sees them:
/// the piped relation (main) and the other, both in scope. Implemented by the binder.
/// </summary>
public abstract class JoinBinding
{
    public abstract int Main { get; }
    public abstract int Other { get; }

    /// <summary>The piped relation as messages name it (its name, or "the piped relation").</summary>
    public abstract string MainName { get; }

    /// <summary>The other relation's name as written.</summary>
    public abstract string OtherName { get; }

    /// <summary>A column of the piped relation alone (<c>on col</c> names one on each side).</summary>
    public abstract ColumnArg? MainColumn(NameSyntax name);

    /// <summary>A column of the other relation alone.</summary>
    public abstract ColumnArg? OtherColumn(NameSyntax name);

    /// <summary>A column of either side, and which side has it (0 the piped relation, 1 the other).</summary>
    public abstract ColumnArg? Column(NameSyntax name, out int side);

    /// <summary>A boolean condition over both sides; null after reporting why.</summary>
    public abstract Expr? Condition(ExpressionSyntax condition, string what);

    /// <summary>The one built-in function a call names, or null (unknown or overloaded).</summary>
    public abstract BuiltinFunction? Function(CallSyntax call);

    /// <summary>The pipeline after the join: the other side's columns are <c>&lt;col&gt;_joined</c>, and both sides' qualified names keep working.</summary>
    public abstract StepBinding Joined(int node);

    public StepBinding? Joined(int? node) => node is { } id ? Joined(id) : null;
}
