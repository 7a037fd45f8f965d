using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Okno.Tests.Channels.WebChat;

/// <summary>A law firm's site on its own loopback port (another origin than Okno) with the widget snippet pasted in.</summary>
public sealed class SampleSite : IAsyncDisposable
{
    private WebApplication? _app;

    public string Origin { get; private set; } = "";
    /// <summary>The &lt;script&gt; tag the firm pasted; set once the channel exists.</summary>
    public string Snippet { get; set; } = "";

    public static async Task<SampleSite> StartAsync()
    {
        var site = new SampleSite();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/{**path}", () => Results.Content(
            "<!doctype html><html lang=\"ru\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
            "<title>Адвокатское бюро «Право»</title></head><body style=\"font-family:sans-serif;padding:40px\">" +
            "<h1>Адвокатское бюро «Право»</h1><p>Семейные споры, раздел имущества, наследство.</p>" + site.Snippet + "</body></html>",
            "text/html; charset=utf-8"));
        await app.StartAsync();
        site._app = app;
        site.Origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return site;
    }

    public static string ScriptTag(string oknoUrl, string channelId, string? userId = null, string? userHash = null) =>
        $"<script src=\"{oknoUrl}/widget.js\" data-channel=\"{channelId}\"" +
        (userId is null ? "" : $" data-user-id=\"{WebUtility.HtmlEncode(userId)}\" data-user-hash=\"{userHash}\"") + " async></script>";

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
