using System.CommandLine;
using System.CommandLine.Parsing;
using Cwf.Diagnostics;

namespace Cwf.Cli.CommandLine;

/// <summary>
/// Checks what System.CommandLine parsed against a command's spec; every mistake is a
/// <see cref="UsageException"/> with cwf's own message (System.CommandLine's wording is neither ours
/// nor stable across its languages).
/// </summary>
public static class ArgumentParser
{
    /// <summary>One command's arguments (what follows its name on the command line).</summary>
    public static ParsedCommand Parse(CommandSpec spec, IReadOnlyList<string> args)
    {
        var tree = CommandTree.Instance;
        return Check(tree, spec, tree.Parse([spec.Name, .. args]), args);
    }

    /// <summary>
    /// The command of <paramref name="result"/> as a <see cref="ParsedCommand"/>: options by name (values
    /// in the order given, allowed values in their declared spelling), positionals in order. With --help,
    /// missing or extra positionals are no mistake. <paramref name="args"/> are the arguments as typed, which
    /// still show a flag given a value with <c>=</c>.
    /// </summary>
    public static ParsedCommand Check(CommandTree tree, CommandSpec spec, ParseResult result, IReadOnlyList<string> args)
    {
        foreach (var arg in args.TakeWhile(a => a != "--"))
        {
            int eq = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0 && spec.FindOption(arg[..eq]) is { TakesValue: false })
                throw new UsageException($"option {arg[..eq]} takes no value", Help.UsageLine(spec));
        }

        var command = result.CommandResult;
        var options = command.Children.OfType<OptionResult>().Where(o => !o.Implicit).ToList();
        var optionValues = options.SelectMany(o => o.Tokens).ToHashSet(ReferenceEqualityComparer.Instance);
        var positionals = new List<string>();
        bool afterDashes = false;
        foreach (var token in result.Tokens)
        {
            if (token.Type == TokenType.DoubleDash) afterDashes = true;
            if (token.Type != TokenType.Argument || optionValues.Contains(token)) continue;
            if (!afterDashes && LooksLikeOption(token.Value)) throw UnknownOption(spec, token.Value);
            positionals.Add(token.Value);
        }

        var values = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var option in options)
        {
            var optionSpec = tree.SpecOf(option.Option)!;
            string name = option.IdentifierToken?.Value ?? "--" + optionSpec.Name;
            if (option.IdentifierTokenCount > 1 && !optionSpec.Repeatable)
                throw new UsageException($"option --{optionSpec.Name} is given twice", Help.UsageLine(spec));
            if (!optionSpec.TakesValue)
            {
                values[optionSpec.Name] = [.. Enumerable.Repeat("", option.IdentifierTokenCount)];
                continue;
            }
            if (option.Tokens.Count < option.IdentifierTokenCount)
                throw new UsageException($"option {name} needs a value <{optionSpec.ValueName}>", Help.UsageLine(spec));
            values[optionSpec.Name] = [.. option.Tokens.Select(t => Allowed(spec, optionSpec, name, t.Value))];
        }

        if (values.ContainsKey("help")) return new ParsedCommand(spec, positionals, values);
        if (positionals.Count < spec.Positionals.Count - spec.OptionalPositionals)
            throw new UsageException($"missing argument <{spec.Positionals[positionals.Count]}>", Help.UsageLine(spec));
        if (positionals.Count > spec.Positionals.Count)
            throw new UsageException($"unexpected argument '{positionals[spec.Positionals.Count]}'", Help.UsageLine(spec));
        // Anything the checks above did not foresee still stops the command, in System.CommandLine's words.
        if (result.Errors.FirstOrDefault() is { } other) throw new UsageException(other.Message, Help.UsageLine(spec));
        return new ParsedCommand(spec, positionals, values);
    }

    /// <summary>The value in its declared spelling when the option has allowed values (matched ignoring case).</summary>
    private static string Allowed(CommandSpec spec, OptionSpec option, string name, string value)
    {
        if (option.AllowedValues is not { } allowed) return value;
        return allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"'{value}' is not a valid value for {name}; valid values: {string.Join(", ", allowed)}", Help.UsageLine(spec));
    }

    private static UsageException UnknownOption(CommandSpec spec, string token)
    {
        int eq = token.IndexOf('=');
        string name = token.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? token[..eq] : token;
        var suggestion = NameSuggestions.Closest(name.TrimStart('-'), spec.Options.Select(o => o.Name));
        return new UsageException($"unknown option '{name}' for 'cwf {spec.Name}'" + (suggestion is null ? "" : $"; did you mean --{suggestion}?"),
            Help.UsageLine(spec));
    }

    // "-5" is a value, not an option; a lone "-" is a file name by convention.
    private static bool LooksLikeOption(string token) =>
        token.Length > 1 && token[0] == '-' && !double.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out _);
}
