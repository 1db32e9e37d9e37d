namespace Cwf.Playground;

/// <summary>What `cwf serve` serves and where it listens.</summary>
/// <param name="Root">The folder whose workflows and data the page may read (nothing outside it).</param>
/// <param name="Host">The address to bind: loopback unless the user asks otherwise.</param>
/// <param name="Port">The port; 0 asks the system for a free one.</param>
public sealed record PlaygroundOptions(string Root, string Host = PlaygroundOptions.DefaultHost, int Port = PlaygroundOptions.DefaultPort)
{
    public const string DefaultHost = "127.0.0.1";
    public const int DefaultPort = 5170;
}
