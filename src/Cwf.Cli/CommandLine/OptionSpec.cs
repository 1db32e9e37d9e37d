namespace Cwf.Cli.CommandLine;

/// <summary>An option of a command: <c>--name value</c>, or a flag when it takes no value.</summary>
public sealed record OptionSpec(string Name, string Description, string? ValueName = null, bool Repeatable = false)
{
    /// <summary>A one-letter alias such as <c>-o</c>.</summary>
    public string? Alias { get; init; }

    /// <summary>When set, the value must be one of these (case-insensitive).</summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }

    /// <summary>Values that shell completion offers for an option that accepts others too (a dialect is checked later, with its own diagnostic).</summary>
    public IReadOnlyList<string>? Suggestions { get; init; }

    public bool TakesValue => ValueName is not null;
}
