using Microsoft.AspNetCore.Http;

namespace Cwf.Playground;

/// <summary>
/// On a loopback address, only requests that name a loopback host are answered: a web page elsewhere cannot
/// reach the served folder through a name of its own that resolves to 127.0.0.1 (DNS rebinding).
/// </summary>
internal static class LoopbackHostFilter
{
    public static async Task Middleware(HttpContext context, RequestDelegate next)
    {
        var host = context.Request.Host.Host.Trim('[', ']');
        if (host is "localhost" or "127.0.0.1" or "::1")
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
        await context.Response.WriteAsync("cwf serve answers requests for localhost / 127.0.0.1 only");
    }
}
