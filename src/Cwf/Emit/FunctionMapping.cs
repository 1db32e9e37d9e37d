using System.Collections.Immutable;
using Cwf.Ir;

namespace Cwf.Emit;

/// <summary>
/// How one dialect writes one IR function: a template per argument count (from the function's
/// minimum), or a join of any number of arguments, or "not available" with the
/// reason and workaround. <see cref="CastResult"/> casts the result to the IR type where the
/// warehouse returns a wider or different one (PostgreSQL's EXTRACT gives numeric, Databricks'
/// floor gives BIGINT for a DOUBLE...); <see cref="Arguments"/> rewrites the arguments first where
/// the warehouse's function reads some values otherwise (a SUBSTR start below 1).
/// </summary>
public sealed record FunctionMapping
{
    private FunctionMapping() { }

    /// <summary>Templates by argument count: index 0 for the function's minimum count.</summary>
    public ImmutableArray<SqlTemplate> Templates { get; private init; } = [];

    /// <summary>
    /// Templates for a call whose first argument is a timestamp, where the warehouse writes it otherwise
    /// than a date (BigQuery's DATE_ADD and TIMESTAMP_ADD); empty: <see cref="Templates"/> for both.
    /// </summary>
    public ImmutableArray<SqlTemplate> TimestampTemplates { get; private init; } = [];

    /// <summary>For a variadic function: what comes before, between and after the arguments.</summary>
    public (string Prefix, string Separator, string Suffix)? Joined { get; private init; }

    /// <summary>For a joined mapping: how tightly the result binds (arguments are wrapped to match).</summary>
    public int JoinedPrecedence { get; private init; }

    public bool CastResult { get; init; }

    /// <summary>The call's arguments as the template receives them (null: as they are), rewritten in IR before translation.</summary>
    public Func<Call, Seq<Expr>>? Arguments { get; private init; }

    /// <summary>When not null, the function cannot be written: why, and what to do instead.</summary>
    public string? Unavailable { get; private init; }
    public string? Workaround { get; private init; }

    public ImmutableArray<FunctionNote> Notes { get; init; } = [];

    public bool IsAvailable => Unavailable is null;

    /// <summary>One template per argument count, from the function's minimum.</summary>
    public static FunctionMapping Sql(params string[] templatesByArity) =>
        new() { Templates = [.. templatesByArity.Select(t => SqlTemplate.Parse(t))] };

    /// <summary>One template for a date first argument and one for a timestamp (functions of a fixed argument count).</summary>
    public static FunctionMapping Temporal(string forDate, string forTimestamp) =>
        new() { Templates = [SqlTemplate.Parse(forDate)], TimestampTemplates = [SqlTemplate.Parse(forTimestamp)] };

    /// <summary>Any number of arguments joined by an operator: <c>a || b || c</c>.</summary>
    public static FunctionMapping Operator(string separator, int precedence) =>
        new() { Joined = ("", separator, ""), JoinedPrecedence = precedence };

    /// <summary>Any number of arguments in one call: <c>COALESCE(a, b, c)</c>.</summary>
    public static FunctionMapping VariadicCall(string name) =>
        new() { Joined = (name + "(", ", ", ")"), JoinedPrecedence = Precedence.Atom };

    public static FunctionMapping NotAvailable(string reason, string workaround) =>
        new() { Unavailable = reason, Workaround = workaround };

    public static implicit operator FunctionMapping(string template) => Sql(template);

    public FunctionMapping WithNote(FunctionNote note) => this with { Notes = Notes.Add(note) };

    /// <summary>A copy whose arguments are rewritten by <paramref name="arguments"/> before translation.</summary>
    public FunctionMapping WithArguments(Func<Call, Seq<Expr>> arguments) => this with { Arguments = arguments };

    /// <summary>The template for a call with <paramref name="argumentCount"/> arguments.</summary>
    public SqlTemplate TemplateFor(int argumentCount, int minimumArguments, SqlType firstArgument = SqlType.Unknown)
    {
        var templates = firstArgument == SqlType.Timestamp && !TimestampTemplates.IsEmpty ? TimestampTemplates : Templates;
        int index = argumentCount - minimumArguments;
        if (index < 0 || index >= templates.Length)
            throw new InvalidOperationException($"No template for {argumentCount} arguments.");
        return templates[index];
    }
}
