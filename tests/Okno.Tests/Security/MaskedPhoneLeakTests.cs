using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Okno.Tests.Channels.GreenApi;
using Okno.Tests.Channels.WhatsApp;
using Okno.Tests.Channels.WhatsAppCloud;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Security;

/// <summary>
/// Issue 10.4: an operator (who may not see phones) reads a client's number out of the fields that are not the phone:
/// platform message ids (Green-API's <c>7916…@c.us_…</c>, a Cloud wamid that base64-decodes to it), error texts,
/// hand-off comments, "not target" reasons, a name that is the number, and live hub events.
/// </summary>
public abstract partial class MaskedPhoneLeakTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private const string Password = "Operator-pass-1";

    private async Task<(HttpClient Client, string Cookie, long Id)> OperatorAsync()
    {
        var email = $"operator-{Guid.NewGuid():N}@test.local";
        using (var admin = App.Api())
        {
            var created = await admin.PostAsJsonAsync("/api/v1/users", new { email, name = "Оля Оператор", role = "operator", password = Password });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();
            var client = App.CreateClient(new() { HandleCookies = false });
            var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
            Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
            var cookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
            client.DefaultRequestHeaders.Add("Cookie", cookie);
            client.DefaultRequestHeaders.Add("X-Okno-Request", "1");
            return (client, cookie, id);
        }
    }

    private async Task<HubConnection> HubAsync(string cookie, List<string> received)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(App.Server.BaseAddress, "/hubs/inbox"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => App.Server.CreateHandler();
                o.Headers["Cookie"] = cookie;
            })
            .Build();
        foreach (var name in new[] { "messageCreated", "messageStatusChanged", "conversationUpdated", "channelStatusChanged", "notification" })
            hub.On<System.Text.Json.JsonElement>(name, e => { lock (received) received.Add(e.GetRawText()); });
        await hub.StartAsync();
        return hub;
    }

    /// <summary>Puts the client's phone in every field an admin can: a failed send, a hand-off comment, a not-target reason.</summary>
    private async Task DressUpAsync(long conversationId, long operatorId, string phone)
    {
        using var admin = App.Api();
        var spaced = $"+7 {phone[1..4]} {phone[4..7]}-{phone[7..9]}-{phone[9..]}";
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/target", new { isTarget = false, reason = "Дубль, клиент " + phone })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/handoff", new { toUserId = operatorId, comment = "Перезвонить на " + spaced })).StatusCode);
    }

    private static string Needle(string phone) => phone.Substring(1, 7); // 916 555 0: what the mask hides

    private async Task AssertNoPhoneAsync(HttpClient client, long conversationId, string phone, List<string> hubEvents)
    {
        var conversation = await client.GetFromJsonAsync<JsonObject>($"/api/v1/conversations/{conversationId}");
        var contactId = conversation!["contactId"]!.GetValue<long>();
        var bodies = new Dictionary<string, string>();
        foreach (var url in new[]
                 {
                     "/api/v1/conversations?limit=200", $"/api/v1/conversations/{conversationId}", $"/api/v1/conversations/{conversationId}/messages",
                     $"/api/v1/conversations/{conversationId}/routes", $"/api/v1/contacts/{contactId}", $"/api/v1/contacts/{contactId}/messages",
                 })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bodies[url] = await response.Content.ReadAsStringAsync();
        }
        lock (hubEvents) for (var i = 0; i < hubEvents.Count; i++) bodies["hub#" + i] = hubEvents[i];

        Assert.Contains("handOffComment", bodies[$"/api/v1/conversations/{conversationId}"]); // the fields are there, masked
        foreach (var (where, body) in bodies)
            foreach (var value in Strings(JsonNode.Parse(body.Contains('{') ? body[body.IndexOf('{')..] : "{}")))
                Assert.False(Leaks(value, phone), $"{where} shows the phone: {value}");
    }

    /// <summary>True when the text holds the hidden digits, directly or base64-encoded (a Cloud wamid).</summary>
    private static bool Leaks(string value, string phone)
    {
        var digits = new string(value.Where(char.IsDigit).ToArray());
        if (digits.Contains(Needle(phone), StringComparison.Ordinal)) return true;
        foreach (Match m in Base64Run().Matches(value))
        {
            var run = m.Value.TrimEnd('=');
            run = run.PadRight(run.Length + (4 - run.Length % 4) % 4, '=');
            try
            {
                if (Encoding.Latin1.GetString(Convert.FromBase64String(run)).Contains(Needle(phone), StringComparison.Ordinal)) return true;
            }
            catch (FormatException) { }
        }
        return false;
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        JsonValue v => [v.ToJsonString()],
        _ => [],
    };

    [GeneratedRegex("[A-Za-z0-9+/]{12,}={0,2}")]
    private static partial Regex Base64Run();

    [SkippableFact]
    public async Task OperatorPayloads_GreenApiConversation_NoPhoneDigitsAnywhere()
    {
        var green = await GreenApiTestKit.CreateAsync(App);
        var phone = Inbox.NewPhone();
        var (client, cookie, operatorId) = await OperatorAsync();
        var hubEvents = new List<string>();
        await using var hub = await HubAsync(cookie, hubEvents);
        var tag = Guid.NewGuid().ToString("N")[..8];

        // Green-API: the sender's name is the number (no WhatsApp name), the message id carries the chat id "7916…@c.us".
        await green.PostAsync(green.Sim.IncomingText(green.IdInstance, phone, "Здравствуйте " + tag, name: "+" + phone));
        var conversationId = (await Inbox.ConversationAsync(App, tag))["id"]!.GetValue<long>();
        green.Sim.FailNext("sendMessage", 400, $$"""{"message":"chatId {{phone}}@c.us is not a WhatsApp user"}""");
        await Inbox.ReplyAsync(App, conversationId, new JsonObject { ["text"] = "Ответ " + tag });
        await OknoApp.EventuallyAsync(async () => (await Inbox.MessagesAsync(App, conversationId)).Any(m => m["status"]!.GetValue<string>() is "failed" or "sent"));
        await DressUpAsync(conversationId, operatorId, phone);

        await AssertNoPhoneAsync(client, conversationId, phone, hubEvents);
    }

    [SkippableFact]
    public async Task OperatorPayloads_CloudConversation_NoPhoneDigitsEvenBase64()
    {
        var cloud = await WhatsAppCloudTestKit.CreateAsync(App);
        var phone = Inbox.NewPhone();
        var (client, cookie, operatorId) = await OperatorAsync();
        var hubEvents = new List<string>();
        await using var hub = await HubAsync(cookie, hubEvents);
        var tag = Guid.NewGuid().ToString("N")[..8];

        // A real wamid is base64 of a protobuf that holds the sender's number.
        var notification = cloud.Text(phone, "Добрый день " + tag);
        var wamid = "wamid." + Convert.ToBase64String([0x1C, 0x18, 0x0B, .. Encoding.ASCII.GetBytes(phone), 0x15, 0x02, 0x00, 0x12, 0x18, 0x14, .. Encoding.ASCII.GetBytes(Guid.NewGuid().ToString("N")[..20].ToUpperInvariant())]);
        notification["entry"]![0]!["changes"]![0]!["value"]!["messages"]![0]!["id"] = wamid;
        await cloud.PostAsync(notification);
        var conversationId = (await Inbox.ConversationAsync(App, tag))["id"]!.GetValue<long>();
        cloud.Sim.FailNext("messages", 131030, $"Recipient phone number {phone} not in allowed list");
        await Inbox.ReplyAsync(App, conversationId, new JsonObject { ["text"] = "Ответ " + tag });
        await OknoApp.EventuallyAsync(async () => (await Inbox.MessagesAsync(App, conversationId)).Any(m => m["status"]!.GetValue<string>() is "failed" or "sent"));
        await DressUpAsync(conversationId, operatorId, phone);

        await AssertNoPhoneAsync(client, conversationId, phone, hubEvents);
        // The admin, who may see phones, still gets the platform id (integrations key on it).
        Assert.Contains((await Inbox.MessagesAsync(App, conversationId)), m => m["externalId"]?.GetValue<string>() == wamid);
    }
}

public sealed class SqliteMaskedPhoneLeakTests(SqliteOknoApp app) : MaskedPhoneLeakTests<SqliteOknoApp>(app);
public sealed class PostgresMaskedPhoneLeakTests(PostgresOknoApp app) : MaskedPhoneLeakTests<PostgresOknoApp>(app);
