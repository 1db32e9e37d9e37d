using Cwf.LanguageServer;

namespace Cwf.Cli.Commands;

/// <summary><c>cwf lsp</c>: the language server over standard input and output until the client says exit (spec/language-server.md).</summary>
internal static class LspCommand
{
    public static int Run(CliContext cx)
    {
        // Standard output carries the protocol alone: nothing else of the command line writes to it here.
        using var input = Console.OpenStandardInput();
        using var output = Console.OpenStandardOutput();
        return LanguageServerHost.RunAsync(input, output).GetAwaiter().GetResult();
    }
}
