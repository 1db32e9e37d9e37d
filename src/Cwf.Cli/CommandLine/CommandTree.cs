using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;

namespace Cwf.Cli.CommandLine;

/// <summary>
/// The System.CommandLine tree of cwf, built from <see cref="CommandCatalog"/> (the one declaration of
/// commands and options): a command per <see cref="CommandSpec"/>, an option per <see cref="OptionSpec"/>,
/// an argument per positional. System.CommandLine tokenizes (response files, <c>--name=value</c>,
/// <c>--</c>) and completes (the <c>[suggest]</c> directive); <see cref="ArgumentParser"/> checks the
/// result against the specs so that every mistake keeps cwf's own message.
/// </summary>
public sealed class CommandTree
{
    private readonly Dictionary<Command, CommandSpec> _specs = [];
    private readonly Dictionary<Option, OptionSpec> _options = [];

    public static CommandTree Instance { get; } = new(CommandCatalog.All);

    public CommandTree(IReadOnlyList<CommandSpec> commands)
    {
        // RootCommand brings the [suggest] directive; its own help and version options give way to ours.
        Root = new RootCommand(Help.Tagline);
        Root.Options.Clear();
        Root.Aliases.Add("cwf");
        Root.Options.Add(HelpOption);
        Root.Options.Add(VersionOption);
        Root.Subcommands.Add(HelpCommand);
        Suggest = Root.Directives.OfType<SuggestDirective>().Single();
        foreach (var spec in commands)
        {
            var command = new Command(spec.Name, spec.Summary);
            foreach (var positional in spec.Positionals)
                command.Arguments.Add(new Argument<string>(positional) { Arity = ArgumentArity.ZeroOrOne });
            foreach (var optionSpec in spec.Options)
            {
                var option = Build(optionSpec);
                _options[option] = optionSpec;
                command.Options.Add(option);
            }
            _specs[command] = spec;
            Root.Subcommands.Add(command);
        }
    }

    public RootCommand Root { get; }

    /// <summary><c>cwf "[suggest:N]" "cwf compile --d"</c>: the completions at position N of the line, one a line (what the scripts of <c>cwf completions</c> call).</summary>
    public SuggestDirective Suggest { get; }

    /// <summary><c>cwf --help</c> and <c>cwf -h</c>: the overview, or a command's help when one follows.</summary>
    public Option<bool> HelpOption { get; } = Flag("--help", "-h");

    public Option<bool> VersionOption { get; } = Flag("--version", "-V");

    /// <summary><c>cwf help [command]</c>, hidden from completion like the other spellings of help.</summary>
    public Command HelpCommand { get; } = new("help") { Hidden = true, Arguments = { new Argument<string[]>("command") { Arity = ArgumentArity.ZeroOrMore } } };

    /// <summary>The spec a command of this tree was built from; null for the root and <see cref="HelpCommand"/>.</summary>
    public CommandSpec? SpecOf(Command command) => _specs.GetValueOrDefault(command);

    /// <summary>The spec an option of this tree was built from; null for the root's options.</summary>
    public OptionSpec? SpecOf(Option option) => _options.GetValueOrDefault(option);

    /// <summary>
    /// Tokenizes and parses a whole command line. A response file that cannot be read is a usage
    /// error here, before anything else is looked at.
    /// </summary>
    public ParseResult Parse(IReadOnlyList<string> args)
    {
        var problems = new List<string>();
        var result = Root.Parse(args, Configuration(problems));
        if (problems.Count > 0) throw new UsageException(problems[0]);
        return result;
    }

    /// <summary>Response files as System.CommandLine reads them (a line holds one or more arguments, <c>#</c> starts a comment), with our message when one is missing.</summary>
    private static ParserConfiguration Configuration(List<string> problems)
    {
        var configuration = new ParserConfiguration();
        var read = configuration.ResponseFileTokenReplacer!;
        configuration.ResponseFileTokenReplacer = (string path, out IReadOnlyList<string>? tokens, out string? error) =>
        {
            if (!File.Exists(path))
            {
                problems.Add($"cannot read response file '@{path}': no such file");
                tokens = null;
                error = null;
                return false;
            }
            if (read(path, out tokens, out error)) return true;
            problems.Add($"cannot read response file '@{path}': {error}");
            error = null;
            return false;
        };
        return configuration;
    }

    private static Option Build(OptionSpec spec)
    {
        string[] aliases = spec.Alias is null ? [] : ["-" + spec.Alias];
        if (!spec.TakesValue)
        {
            var flag = Flag("--" + spec.Name, aliases);
            flag.Description = spec.Description;
            return flag;
        }
        // Each occurrence takes one value; ArgumentParser says when a single-valued option is given twice.
        Option option = spec.Repeatable
            ? new Option<string[]>("--" + spec.Name, aliases) { Arity = ArgumentArity.OneOrMore }
            : new Option<string>("--" + spec.Name, aliases) { Arity = ArgumentArity.ExactlyOne };
        option.Description = spec.Description;
        option.HelpName = spec.ValueName;
        if ((spec.AllowedValues ?? spec.Suggestions) is { } values)
            option.CompletionSources.Add(_ => values.Select(v => new CompletionItem(v)));
        return option;
    }

    // A flag takes no value: "--no-opt true" leaves "true" to the command.
    private static Option<bool> Flag(string name, params string[] aliases) => new(name, aliases) { Arity = ArgumentArity.Zero };
}
