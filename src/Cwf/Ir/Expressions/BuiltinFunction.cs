namespace Cwf.Ir;

public enum FunctionCategory
{
    String,
    Math,
    Conditional,
    Date,
    Spatial,
    H3,
    Quadbin,
}

/// <summary>What an argument position accepts.</summary>
public enum ArgKind
{
    Any,
    Numeric,
    Integer,
    String,
    Bool,
    Date,
    /// <summary>date or timestamp.</summary>
    Temporal,
    /// <summary>timestamp (front ends cast a date argument to its midnight).</summary>
    Timestamp,
    Geography,
    /// <summary>Same type class as the other arguments (coalesce, nullif).</summary>
    Common,
}

/// <summary>How the result type is derived.</summary>
public enum ResultRule
{
    Fixed,
    /// <summary>The common type of all arguments (coalesce, nullif).</summary>
    CommonOfArgs,
    /// <summary>The first argument's type (abs).</summary>
    SameAsFirst,
}

/// <summary>When the result can be NULL.</summary>
public enum NullRule
{
    /// <summary>NULL when any argument is NULL (most functions).</summary>
    AnyArg,
    /// <summary>NULL only when every argument is NULL (coalesce).</summary>
    AllArgs,
    /// <summary>May be NULL even for non-NULL arguments (nullif, h3 of an empty point).</summary>
    Always,
    Never,
}

/// <summary>
/// A portable function of the IR. The set is closed: every backend maps every function (or
/// reports that it cannot), and the reference interpreter implements every function. Spatial
/// functions work on geography in meters and square meters; the front ends convert units.
/// </summary>
public sealed record BuiltinFunction(
    string Name,
    FunctionCategory Category,
    Seq<ArgKind> Parameters,
    int MinArgs,
    bool Variadic,
    ResultRule Result,
    SqlType FixedType,
    NullRule Nulls,
    string Description)
{
    public int MaxArgs => Variadic ? int.MaxValue : Parameters.Count;

    /// <summary>The kind accepted at an argument position (the last repeats when variadic).</summary>
    public ArgKind ParameterAt(int index) => Parameters[Math.Min(index, Parameters.Count - 1)];

    public override string ToString() => Name;
}
