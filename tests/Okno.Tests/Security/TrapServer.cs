using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Okno.Tests.Security;

/// <summary>
/// A server on another loopback port that must never be reached (an internal service, a metadata endpoint), or,
/// with a trickle, a media host that sends its body slowly. Records every request it gets.
/// </summary>
public sealed class TrapServer : IAsyncDisposable
{
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";
    public ConcurrentQueue<(string Path, string? ApiKey)> Requests { get; } = new();
    /// <summary>GET …/api/files/… answers 200 and sends one byte per second for this long.</summary>
    public TimeSpan Trickle { get; init; } = TimeSpan.Zero;

    public static async Task<TrapServer> StartAsync(TimeSpan? trickle = null)
    {
        var trap = new TrapServer { Trickle = trickle ?? TimeSpan.Zero };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(async ctx =>
        {
            trap.Requests.Enqueue((ctx.Request.Path + ctx.Request.QueryString, ctx.Request.Headers["X-Api-Key"].FirstOrDefault()));
            if (trap.Trickle > TimeSpan.Zero && ctx.Request.Path.Value!.Contains("/api/files/", StringComparison.Ordinal))
            {
                ctx.Response.ContentType = "image/jpeg";
                await ctx.Response.Body.FlushAsync();
                var end = DateTime.UtcNow + trap.Trickle;
                while (DateTime.UtcNow < end && !ctx.RequestAborted.IsCancellationRequested)
                {
                    await ctx.Response.Body.WriteAsync(new byte[] { 0xFF });
                    await ctx.Response.Body.FlushAsync();
                    try { await Task.Delay(1000, ctx.RequestAborted); } catch (OperationCanceledException) { break; }
                }
                return;
            }
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync("{\"status\":\"WORKING\",\"secret\":\"internal-only\"}");
        });
        await app.StartAsync();
        trap._app = app;
        trap.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return trap;
    }

    public int Port => new Uri(BaseUrl).Port;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
