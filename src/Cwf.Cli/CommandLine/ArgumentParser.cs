using Cwf.Diagnostics;

namespace Cwf.Cli.CommandLine;

/// <summary>Parses <c>args</c> against a command's spec; every mistake is a <see cref="UsageException"/>.</summary>
public static class ArgumentParser
{
    public static ParsedCommand Parse(CommandSpec spec, IReadOnlyList<string> args)
    {
        var positionals = new List<string>();
        var values = new Dictionary<string, List<string>>();
        for (int i = 0; i < args.Count; i++)
        {
            string token = args[i];
            if (token == "--")
            {
                positionals.AddRange(args.Skip(i + 1));
                break;
            }
            if (token.Length > 1 && token[0] == '-' && !IsNumber(token))
            {
                string name = token;
                string? inline = null;
                int eq = token.IndexOf('=');
                if (token.StartsWith("--") && eq > 0)
                {
                    name = token[..eq];
                    inline = token[(eq + 1)..];
                }
                var option = spec.FindOption(name) ?? throw UnknownOption(spec, name);
                string value = "";
                if (option.TakesValue)
                {
                    if (inline is not null) value = inline;
                    else if (i + 1 < args.Count) value = args[++i];
                    else throw new UsageException($"option {name} needs a value <{option.ValueName}>", Help.UsageLine(spec));
                    if (option.AllowedValues is { } allowed)
                    {
                        var match = allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase))
                            ?? throw new UsageException($"'{value}' is not a valid value for {name}; valid values: {string.Join(", ", allowed)}", Help.UsageLine(spec));
                        value = match;
                    }
                }
                else if (inline is not null)
                    throw new UsageException($"option {name} takes no value", Help.UsageLine(spec));
                if (values.TryGetValue(option.Name, out var list))
                {
                    if (!option.Repeatable) throw new UsageException($"option --{option.Name} is given twice", Help.UsageLine(spec));
                    list.Add(value);
                }
                else values[option.Name] = [value];
                continue;
            }
            positionals.Add(token);
        }
        if (values.ContainsKey("help")) return new ParsedCommand(spec, positionals, Freeze(values));
        if (positionals.Count < spec.Positionals.Count - spec.OptionalPositionals)
            throw new UsageException($"missing argument <{spec.Positionals[positionals.Count]}>", Help.UsageLine(spec));
        if (positionals.Count > spec.Positionals.Count)
            throw new UsageException($"unexpected argument '{positionals[spec.Positionals.Count]}'", Help.UsageLine(spec));
        return new ParsedCommand(spec, positionals, Freeze(values));
    }

    private static Dictionary<string, IReadOnlyList<string>> Freeze(Dictionary<string, List<string>> values) =>
        values.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value);

    private static UsageException UnknownOption(CommandSpec spec, string name)
    {
        var suggestion = NameSuggestions.Closest(name.TrimStart('-'), spec.Options.Select(o => o.Name));
        return new UsageException($"unknown option '{name}' for 'cwf {spec.Name}'" + (suggestion is null ? "" : $"; did you mean --{suggestion}?"),
            Help.UsageLine(spec));
    }

    private static bool IsNumber(string token) => double.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out _);
}
