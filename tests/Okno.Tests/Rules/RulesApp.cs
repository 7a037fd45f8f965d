using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Okno.Core.Data;
using Okno.Tests.Channels;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Rules;

/// <summary>Okno with a fake clock on a Saturday (16 January 2027, 12:00 Moscow): time-based rules move only when a test says so.</summary>
public abstract class RulesApp : OknoApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 1, 16, 9, 0, 0, TimeSpan.Zero));

    protected RulesApp() => Settings["Okno:Webhooks:AllowPrivateNetworks"] = "true";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class SqliteRulesApp : RulesApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresRulesApp : RulesApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>Rules through the API and a Telegram client writing to the firm.</summary>
public sealed class RulesKit(OknoApp app, TelegramTestKit telegram)
{
    private static long _nextClient = 90_000 + Random.Shared.Next(0, 1_000_000) * 10L;

    public TelegramTestKit Telegram => telegram;

    public static async Task<RulesKit> CreateAsync(OknoApp app) => new(app, await TelegramTestKit.CreateAsync(app));

    public static string Unique(string prefix) => prefix + " " + Guid.NewGuid().ToString("N")[..10];

    public static long NewClient() => Interlocked.Increment(ref _nextClient);

    public Task<JsonObject> CreateAsync(JsonObject body) => CreateRuleAsync(app, body);

    public static async Task<JsonObject> CreateRuleAsync(OknoApp app, JsonObject body)
    {
        using var admin = app.Api();
        var response = await admin.PostAsJsonAsync("/api/v1/rules", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 201, $"{(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>A rule on message.received for messages holding <paramref name="marker"/>, with these actions.</summary>
    public Task<JsonObject> OnMessageAsync(string marker, params JsonObject[] actions) => CreateAsync(new JsonObject
    {
        ["name"] = "Правило " + marker, ["event"] = "message.received",
        ["conditions"] = new JsonArray(Condition("message.text", "contains", marker)),
        ["actions"] = new JsonArray(actions.Cast<JsonNode>().ToArray()),
    });

    public static JsonObject Condition(string field, string op, JsonNode? value) => new() { ["field"] = field, ["op"] = op, ["value"] = value };

    /// <summary>A client writes (<paramref name="client"/>: the same id is the same person); returns the conversation id.</summary>
    public async Task<long> ClientWritesAsync(string text, long? client = null, string name = "Ольга")
    {
        (await telegram.PostAsync(app.Sim.Telegram.TextUpdate(client ?? NewClient(), text, name))).EnsureSuccessStatusCode();
        return (await OknoApp.EventuallyAsync(() => ConversationWithAsync(text), what: "the conversation with the client's text")).GetValueOrDefault();
    }

    /// <summary>
    /// The conversation of this kit's channel holding a message with <paramref name="text"/> — not found by its preview,
    /// which a rule's reply replaces at once.
    /// </summary>
    private async Task<long?> ConversationWithAsync(string text)
    {
        var page = await app.GetJsonAsync($"/api/v1/conversations?channelId={telegram.ChannelId}&limit=200");
        foreach (var c in page["items"]!.AsArray())
        {
            var id = c!["id"]!.GetValue<long>();
            if ((await MessagesAsync(id)).Any(m => m!["text"]?.GetValue<string>() == text)) return id;
        }
        return null;
    }

    public async Task<JsonArray> LogAsync(long ruleId) => (await app.GetJsonAsync($"/api/v1/rules/{ruleId}/log"))["items"]!.AsArray();

    /// <summary>Waits until the rule's log has <paramref name="count"/> lines.</summary>
    public Task<JsonArray> FiredAsync(long ruleId, int count = 1) =>
        OknoApp.EventuallyAsync(async () => await LogAsync(ruleId) is { } log && log.Count >= count ? log : null, what: $"{count} firing(s) of rule {ruleId}");

    public Task<JsonArray> MessagesAsync(long conversationId) => ConversationLookup.MessagesAsync(app, conversationId);
}
