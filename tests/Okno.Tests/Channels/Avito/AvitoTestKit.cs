using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Channels;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.Avito;

/// <summary>An Avito channel on its own (random) account of the stand-in, and the calls tests make against it.</summary>
public sealed class AvitoTestKit(OknoApp kitApp, JsonObject channel, long userId, string clientId) : ChannelTestKit(kitApp, channel)
{
    public long UserId => userId;
    public string ClientId => clientId;

    public static async Task<AvitoTestKit> CreateAsync(OknoApp app, int tokenLifetimeSeconds = 86400, bool wrapLists = false, int? pollSeconds = null)
    {
        var userId = Random.Shared.NextInt64(100_000_000, 999_999_999);
        var clientId = "client-" + Guid.NewGuid().ToString("N")[..12];
        var secret = "secret-" + Guid.NewGuid().ToString("N");
        app.Sim.Avito.RegisterClient(clientId, secret, tokenLifetimeSeconds);
        if (wrapLists) app.Sim.Avito.WrapMessageLists(userId);
        var channel = await app.CreateChannelAsync("avito", new JsonObject
        {
            ["clientId"] = clientId, ["clientSecret"] = secret, ["userId"] = userId, ["apiBaseUrl"] = app.Sim.UrlOf("avito"),
            ["pollSeconds"] = pollSeconds,
        });
        return new AvitoTestKit(app, channel, userId, clientId);
    }

    /// <summary>The path of the webhook URL the channel subscribed with Avito (/webhooks/{id}/{token}).</summary>
    public string WebhookPath => new Uri(App.Sim.Avito.WebhookOf(clientId) ?? throw new InvalidOperationException("No webhook subscribed")).AbsolutePath;

    public IReadOnlyList<Simulators.RecordedCall> Calls => App.Sim.Avito.Calls
        .Where(c => c.Path.Contains($"/accounts/{userId}/", StringComparison.Ordinal) || c.Body["client_id"]?.ToString() == clientId).ToList();

    public int TokenRequests => App.Sim.Avito.Calls.Count(c => c.Path.EndsWith("/token", StringComparison.Ordinal) && c.Body["client_id"]?.ToString() == clientId);

    public async Task<HttpResponseMessage> PostAsync(JsonObject body, string? path = null)
    {
        using var client = App.CreateClient();
        return await client.PostAsync(path ?? WebhookPath, JsonContent.Create(body));
    }

    public async Task<long> ReplyAsync(long conversationId, string text)
    {
        using var client = App.Api();
        var response = await client.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages", new JsonObject { ["text"] = text });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Reply failed: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["id"]!.GetValue<long>();
    }

    public async Task<JsonObject> WaitForStatusAsync(long conversationId, long messageId, params string[] statuses) =>
        await OknoApp.EventuallyAsync(async () =>
        {
            var m = (await MessagesAsync(conversationId)).FirstOrDefault(x => x!["id"]!.GetValue<long>() == messageId)?.AsObject();
            return m is not null && statuses.Contains(m["status"]!.GetValue<string>()) ? m : null;
        }, what: $"message {messageId} to become {string.Join("/", statuses)}");
}
