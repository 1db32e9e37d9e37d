using System.Text;

namespace Cwf.Cli.CommandLine;

/// <summary>Help text derived from the command specs.</summary>
public static class Help
{
    public const string Tagline = "a compiler for spatial data workflows (.cwf programs and canvas exports) to warehouse SQL";

    public static string UsageLine(CommandSpec spec)
    {
        var sb = new StringBuilder("usage: cwf ").Append(spec.Name);
        for (int i = 0; i < spec.Positionals.Count; i++)
            sb.Append(i < spec.Positionals.Count - spec.OptionalPositionals ? $" <{spec.Positionals[i]}>" : $" [{spec.Positionals[i]}]");
        foreach (var o in spec.Options.Where(o => o.Name != "help"))
            sb.Append(" [--").Append(o.Name).Append(o.TakesValue ? $" <{o.ValueName}>" : "").Append(']');
        return sb.ToString();
    }

    public static string ForCommand(CommandSpec spec)
    {
        var sb = new StringBuilder();
        sb.Append(spec.Summary).Append("\n\n").Append(UsageLine(spec)).Append("\n\noptions:\n");
        foreach (var o in spec.Options)
        {
            var names = (o.Alias is null ? "" : $"-{o.Alias}, ") + "--" + o.Name + (o.TakesValue ? $" <{o.ValueName}>" : "");
            var description = o.Description + (o.AllowedValues is null ? "" : $" ({string.Join("|", o.AllowedValues)})");
            sb.Append("  ").Append(names.PadRight(30)).Append(' ').Append(description).Append('\n');
        }
        foreach (var note in spec.Notes) sb.Append('\n').Append(note);
        return sb.ToString().TrimEnd() + "\n";
    }

    public static string Overview(IEnumerable<CommandSpec> commands)
    {
        var sb = new StringBuilder();
        sb.Append("cwf: ").Append(Tagline).Append("\n\n");
        sb.Append("usage: cwf <command> [arguments] [options]\n\ncommands:\n");
        foreach (var c in commands) sb.Append("  ").Append(c.Name.PadRight(12)).Append(c.Summary).Append('\n');
        sb.Append("\nRun 'cwf <command> --help' for a command's options. Arguments can also come from a file: cwf @args.rsp (lines starting with # are comments).");
        sb.Append(" Exit codes: 0 success, 1 errors in the input, 2 bad usage, 3 internal compiler error (a bug in cwf), 4 a data check failed (run).\n");
        return sb.ToString();
    }
}
