using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Okno.Bench.Server;

/// <summary>The REST calls the bench needs, with the bootstrap API token.</summary>
public sealed class OknoApi(string baseUrl, string token) : IDisposable
{
    private readonly HttpClient _http = CreateClient(baseUrl, token);

    public HttpClient Http => _http;

    /// <summary>A client for load: SocketsHttpHandler with many pooled connections.</summary>
    public static HttpClient LoadClient(int connections, TimeSpan timeout) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        UseCookies = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    }) { Timeout = timeout };

    private static HttpClient CreateClient(string baseUrl, string token)
    {
        var http = LoadClient(32, TimeSpan.FromSeconds(60));
        http.BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public sealed record Channel(Guid Id, string Kind, string Secret);

    /// <summary>A Telegram channel in webhook mode; the stand-in answers setWebhook.</summary>
    public async Task<Channel> CreateTelegramAsync(string apiBaseUrl, string name = "Бенчмарк Telegram")
    {
        var secret = "bench_secret_" + Guid.NewGuid().ToString("N")[..16];
        var settings = new JsonObject { ["botToken"] = "123456:bench-token", ["secretToken"] = secret, ["mode"] = "webhook", ["apiBaseUrl"] = apiBaseUrl };
        var created = await CreateChannelAsync("telegram", name, settings) ?? throw new InvalidOperationException("The server refused a Telegram channel.");
        return new Channel(created, "telegram", secret);
    }

    /// <summary>A VK community channel (Callback API) on the VK stand-in.</summary>
    public async Task<Channel> CreateVkAsync(Okno.Simulators.SimulatorHost sim, long groupId)
    {
        var token = "vk1.a.bench" + Guid.NewGuid().ToString("N");
        var secret = "benchsecret" + Guid.NewGuid().ToString("N")[..12];
        var code = Guid.NewGuid().ToString("N")[..8];
        sim.Vk.AddCommunity(groupId, token, secret, code);
        var settings = new JsonObject
        {
            ["groupId"] = groupId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["accessToken"] = token, ["secret"] = secret, ["confirmationCode"] = code, ["apiBaseUrl"] = sim.UrlOf("vk"),
        };
        var id = await CreateChannelAsync("vk", "Бенчмарк VK", settings) ?? throw new InvalidOperationException("The server refused a VK channel.");
        return new Channel(id, "vk", secret);
    }

    /// <summary>A WhatsApp Cloud channel, or null when the server does not know the kind (it is optional for the mix).</summary>
    public async Task<Channel?> TryCreateWhatsAppCloudAsync(string apiBaseUrl)
    {
        var appSecret = "bench_app_secret_" + Guid.NewGuid().ToString("N")[..12];
        var settings = new JsonObject
        {
            ["accessToken"] = "bench-access-token", ["phoneNumberId"] = "100000000000001", ["businessAccountId"] = "200000000000001",
            ["appSecret"] = appSecret, ["verifyToken"] = "bench-verify", ["apiBaseUrl"] = apiBaseUrl,
        };
        var id = await CreateChannelAsync("whatsapp_cloud", "Бенчмарк WhatsApp", settings, optional: true);
        return id is { } g ? new Channel(g, "whatsapp_cloud", appSecret) : null;
    }

    private async Task<Guid?> CreateChannelAsync(string kind, string name, JsonObject settings, bool optional = false)
    {
        using var response = await _http.PostAsJsonAsync("api/v1/channels", new JsonObject { ["kind"] = kind, ["name"] = name, ["settings"] = settings });
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode == 201) return Guid.Parse(JsonNode.Parse(body)!["id"]!.GetValue<string>());
        if (optional) return null;
        throw new InvalidOperationException($"POST /api/v1/channels ({kind}): {(int)response.StatusCode} {body}");
    }

    public async Task<JsonNode> GetAsync(string url, CancellationToken ct = default)
    {
        using var response = await _http.GetAsync(url.TrimStart('/'), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Every conversation (all pages), newest first.</summary>
    public async Task<List<JsonObject>> AllConversationsAsync()
    {
        var all = new List<JsonObject>();
        string? cursor = null;
        do
        {
            var page = await GetAsync("api/v1/conversations?limit=200" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            all.AddRange(page["items"]!.AsArray().Select(i => i!.AsObject()));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);
        return all;
    }

    /// <summary>A contact's whole history (all pages).</summary>
    public async Task<List<JsonObject>> ContactHistoryAsync(long contactId)
    {
        var all = new List<JsonObject>();
        long after = 0;
        while (true)
        {
            var page = await GetAsync($"api/v1/contacts/{contactId}/messages?limit=5000&afterId={after}");
            var items = page["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
            if (items.Count == 0) return all;
            all.AddRange(items);
            after = items[^1]["id"]!.GetValue<long>();
        }
    }

    public async Task<List<JsonObject>> ConversationMessagesAsync(long conversationId, CancellationToken ct = default)
    {
        var page = await GetAsync($"api/v1/conversations/{conversationId}/messages", ct);
        return page["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
    }

    /// <summary>Queues a reply; returns the HTTP status (202 = accepted and stored).</summary>
    public async Task<int> ReplyAsync(long conversationId, string text, CancellationToken ct = default)
    {
        using var response = await _http.PostAsJsonAsync($"api/v1/conversations/{conversationId}/messages", new JsonObject { ["text"] = text }, ct);
        return (int)response.StatusCode;
    }

    public void Dispose() => _http.Dispose();
}
