using System.Net;
using Cwf.Playground.Api;
using Cwf.Playground.Workbench;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cwf.Playground;

/// <summary>
/// The web playground of `cwf serve`: Kestrel with the slim (Native AOT) builder, the JSON API over a
/// <see cref="PlaygroundWorkbench"/> and the embedded front end. It listens on one address only, loopback by default.
/// </summary>
public static class PlaygroundServer
{
    /// <summary>The application, configured but not started; an address that is neither an IP address nor <c>localhost</c> is an <see cref="ArgumentException"/>.</summary>
    public static WebApplication Build(PlaygroundOptions options)
    {
        var address = options.Host == "localhost" ? null : ParseAddress(options.Host);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = options.Root });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (address is null) kestrel.ListenLocalhost(options.Port);
            else kestrel.Listen(address, options.Port);
        });
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, PlaygroundJsonContext.Default));
        var app = builder.Build();
        if (address is null || IPAddress.IsLoopback(address)) app.Use(LoopbackHostFilter.Middleware);
        PlaygroundApi.Map(app, new PlaygroundWorkbench(new ServedDirectory(options.Root)));
        StaticBundle.Map(app);
        return app;
    }

    /// <summary>The address a started application listens on (with the port the system chose for port 0).</summary>
    public static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    private static IPAddress ParseAddress(string host) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var address) ? address
            : throw new ArgumentException($"--host '{host}' is not an IP address or 'localhost'");
}
