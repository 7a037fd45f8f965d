using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Okno.Tests.Channels;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.WebChat;

/// <summary>A web-chat channel for the site https://firm.example, and a visitor's calls to the widget API.</summary>
public sealed class WebChatTestKit(OknoApp kitApp, JsonObject channel) : ChannelTestKit(kitApp, channel)
{
    public const string SiteOrigin = "https://firm.example";
    public const string HmacSecret = "site-hmac-secret-0123456789";

    public static async Task<WebChatTestKit> CreateAsync(OknoApp app, Action<JsonObject>? configure = null)
    {
        var settings = new JsonObject
        {
            ["allowedOrigins"] = new JsonArray(SiteOrigin), ["title"] = "Бюро «Право»", ["color"] = "#8a2be2", ["hmacSecret"] = HmacSecret,
        };
        configure?.Invoke(settings);
        return new WebChatTestKit(app, await app.CreateChannelAsync("webchat", settings));
    }

    public static string UserHash(string userId, string secret = HmacSecret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(userId)));

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null, string? token = null, string? origin = SiteOrigin)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(method, $"/api/widget/{ChannelId}{path}") { Content = content };
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (token is not null) request.Headers.Add("X-Okno-Visitor", token);
        return await client.SendAsync(request);
    }

    public async Task<JsonObject> SessionAsync(JsonObject? body = null)
    {
        var response = await SendAsync(HttpMethod.Post, "/session", JsonContent.Create(body ?? []));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"session: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public Task<HttpResponseMessage> PostMessageAsync(string token, string text, string? id = null, JsonObject? source = null) =>
        SendAsync(HttpMethod.Post, "/messages", JsonContent.Create(new JsonObject
        {
            ["id"] = id ?? Guid.NewGuid().ToString("N"), ["text"] = text, ["source"] = source,
        }), token);

    public async Task<JsonArray> HistoryAsync(string token)
    {
        var response = await SendAsync(HttpMethod.Get, "/messages", token: token);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
    }

}
