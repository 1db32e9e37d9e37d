using Cwf.Cli.CommandLine;
using Cwf.Formatting;

namespace Cwf.Cli.Commands;

/// <summary><c>cwf fmt</c>: the canonical layout of a .cwf program, printed, written back (--write) or checked (--check).</summary>
internal static class FmtCommand
{
    public static int Run(CliContext cx)
    {
        var source = cx.ReadInput();
        var result = CwfFormatter.Format(source);
        cx.Report(result.Diagnostics);
        if (result.Text is null) return ExitCodes.InputErrors;
        if (cx.Command.Has("check"))
        {
            if (result.Text == source.Text) return ExitCodes.Success;
            cx.Error.WriteLine($"{source.Path}: not formatted (run 'cwf fmt --write {source.Path}')");
            return ExitCodes.InputErrors;
        }
        if (cx.Command.Has("write"))
        {
            if (result.Text != source.Text)
            {
                try
                {
                    File.WriteAllText(source.Path, result.Text);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new UsageException($"cannot write '{source.Path}': {e.Message}");
                }
            }
            return ExitCodes.Success;
        }
        cx.Output.Write(result.Text);
        return ExitCodes.Success;
    }
}
