namespace Cwf.Cli.CommandLine;

/// <summary>The arguments of one command line, checked against its <see cref="CommandSpec"/>.</summary>
public sealed class ParsedCommand(CommandSpec spec, IReadOnlyList<string> positionals, IReadOnlyDictionary<string, IReadOnlyList<string>> values)
{
    public CommandSpec Spec { get; } = spec;
    public IReadOnlyList<string> Positionals { get; } = positionals;

    public bool Has(string option) => values.ContainsKey(option);

    public string? Value(string option) => values.TryGetValue(option, out var v) ? v[^1] : null;

    public IReadOnlyList<string> Values(string option) => values.TryGetValue(option, out var v) ? v : [];
}
