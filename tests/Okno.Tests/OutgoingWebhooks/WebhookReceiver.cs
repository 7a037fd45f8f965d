using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;

namespace Okno.Tests.OutgoingWebhooks;

/// <summary>A real HTTP listener on loopback standing in for a firm's CRM: records every request and answers with the statuses it is told.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers = new();

    public sealed record Received(string Path, IHeaderDictionary Headers, string Body, DateTime At);

    public ConcurrentQueue<Received> Requests { get; } = new();
    public string Url { get; private set; } = "";
    /// <summary>The answer once the queued ones are used up.</summary>
    public int DefaultStatus { get; set; } = 200;

    private WebhookReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/{**path}", async (HttpContext ctx) =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = new HeaderDictionary(ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value));
            Requests.Enqueue(new Received(ctx.Request.Path, headers, body, DateTime.UtcNow));
            return Results.StatusCode(_answers.TryDequeue(out var s) ? s : DefaultStatus);
        });
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver._app.StartAsync();
        receiver.Url = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hooks/okno";
        return receiver;
    }

    public void Answer(params int[] statuses)
    {
        foreach (var s in statuses) _answers.Enqueue(s);
    }

    /// <summary>Waits until <paramref name="count"/> requests of the event type whose body holds <paramref name="marker"/> arrived.</summary>
    public async Task<List<Received>> WaitForAsync(int count, string type, string marker)
    {
        await Infrastructure.OknoApp.EventuallyAsync(() => Task.FromResult(Matching(type, marker).Count >= count), TimeSpan.FromSeconds(20), $"{count} webhook request(s) {type}");
        return Matching(type, marker);
    }

    public List<Received> Matching(string type, string marker) => Requests
        .Where(r => r.Body.Contains($"\"type\":\"{type}\"", StringComparison.Ordinal) && r.Body.Contains(marker, StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
