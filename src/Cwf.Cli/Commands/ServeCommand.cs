using Cwf.Cli.CommandLine;
using Cwf.Playground;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Cwf.Cli.Commands;

/// <summary><c>cwf serve [dir]</c>: the web playground on the workflows and data of a folder, until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static int Run(CliContext cx)
    {
        var root = cx.Command.Positionals.Count > 0 ? cx.Command.Positionals[0] : ".";
        if (!Directory.Exists(root)) throw new UsageException($"no such folder '{root}'", Help.UsageLine(cx.Command.Spec));
        var portText = cx.Command.Value("port") ?? PlaygroundOptions.DefaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int port) || port > 65535)
            throw new UsageException($"--port '{portText}' is not a port number (0 to 65535; 0 picks a free one)", Help.UsageLine(cx.Command.Spec));

        WebApplication app;
        try
        {
            app = PlaygroundServer.Build(new PlaygroundOptions(Path.GetFullPath(root), cx.Command.Value("host") ?? PlaygroundOptions.DefaultHost, port));
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message, Help.UsageLine(cx.Command.Spec));
        }
        try
        {
            app.Start();
        }
        catch (IOException e)
        {
            cx.Error.WriteLine($"cwf: cannot listen: {e.Message}");
            return ExitCodes.Usage;
        }
        // The first line names the address (tests read the port from it when they ask for port 0).
        cx.Output.WriteLine($"cwf serve: {PlaygroundServer.Address(app)}/ serving {Path.GetFullPath(root)} (Ctrl+C stops)");
        cx.Output.Flush();
        app.WaitForShutdown();
        return ExitCodes.Success;
    }
}
