using Cwf.Playground;
using Cwf.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace Cwf.Tests.Playground;

/// <summary>`cwf serve` in process on 127.0.0.1 and a port the system picks, with a client for it; stopped on dispose.</summary>
internal sealed class PlaygroundHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PlaygroundHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<PlaygroundHost> StartAsync(string root)
    {
        EngineGuard.Require(Engine.Playground);
        var app = PlaygroundServer.Build(new PlaygroundOptions(root, "127.0.0.1", 0));
        await app.StartAsync();
        return new PlaygroundHost(app, new HttpClient { BaseAddress = new Uri(PlaygroundServer.Address(app)) });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
