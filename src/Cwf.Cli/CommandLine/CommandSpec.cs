namespace Cwf.Cli.CommandLine;

/// <summary>A subcommand: its positional arguments and options, from which parsing and help are derived.</summary>
public sealed record CommandSpec(string Name, string Summary, IReadOnlyList<string> Positionals, IReadOnlyList<OptionSpec> Options)
{
    /// <summary>Lines printed after the option list (examples, notes).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>How many of the last positionals may be left out (<c>cwf serve [dir]</c>).</summary>
    public int OptionalPositionals { get; init; }

    public OptionSpec? FindOption(string token) =>
        Options.FirstOrDefault(o => token == "--" + o.Name || (o.Alias is not null && token == "-" + o.Alias));
}
