using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.Email;

/// <summary>An e-mail channel on a fresh firm mailbox of the loopback mail server, and the API calls tests make.</summary>
public sealed class EmailTestKit(WebApplicationFactory<Program> app, string channelId, string firmAddress)
{
    public string ChannelId => channelId;
    public string FirmAddress => firmAddress;

    public static JsonObject Settings(string firmAddress) => new()
    {
        ["imapHost"] = MailServer.Host, ["imapPort"] = MailServer.ImapPort, ["imapTls"] = "none",
        ["imapUser"] = firmAddress, ["imapPassword"] = MailServer.Password,
        ["smtpHost"] = MailServer.Host, ["smtpPort"] = MailServer.SmtpPort, ["smtpTls"] = "none",
        ["fromAddress"] = firmAddress, ["displayName"] = "Юридическая фирма «Окно»",
    };

    public static async Task<EmailTestKit> CreateAsync(WebApplicationFactory<Program> app, Action<JsonObject>? adjust = null)
    {
        MailServer.Require();
        var firm = MailServer.NewAddress("firm");
        var kit = new EmailTestKit(app, "", firm);
        using var client = kit.Api();
        var settings = Settings(firm);
        adjust?.Invoke(settings);
        var response = await client.PostAsJsonAsync("/api/v1/channels", new JsonObject { ["kind"] = "email", ["name"] = "Почта", ["settings"] = settings });
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 201) throw new InvalidOperationException($"Channel not created: {(int)response.StatusCode} {body}");
        var channel = JsonNode.Parse(body)!;
        Assert.Equal("connected", channel["status"]?.GetValue<string>()?.ToLowerInvariant()); // SetUpAsync logged in to IMAP and SMTP
        return new EmailTestKit(app, channel["id"]!.GetValue<string>(), firm);
    }

    /// <summary>The same channel seen through another app instance on the same database (a restart).</summary>
    public EmailTestKit On(WebApplicationFactory<Program> other) => new(other, channelId, firmAddress);

    public HttpClient Api()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OknoApp.ApiToken);
        return client;
    }

    public async Task<JsonObject> GetJsonAsync(string url)
    {
        using var client = Api();
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Conversations of this channel whose messages mention <paramref name="text"/>.</summary>
    public async Task<List<JsonObject>> ConversationsWithAsync(string text)
    {
        var page = await GetJsonAsync($"/api/v1/conversations?limit=200&channelId={channelId}");
        var found = new List<JsonObject>();
        foreach (var item in page["items"]!.AsArray())
        {
            var messages = await MessagesAsync(item!["id"]!.GetValue<long>());
            if (messages.Any(m => m!["text"]?.GetValue<string>()?.Contains(text, StringComparison.Ordinal) == true)) found.Add(item.AsObject());
        }
        return found;
    }

    public Task<JsonObject> WaitForConversationAsync(string text, TimeSpan? timeout = null) =>
        OknoApp.EventuallyAsync(async () => (await ConversationsWithAsync(text)).FirstOrDefault(), timeout ?? TimeSpan.FromSeconds(30), "a conversation with " + text);

    public async Task<JsonArray> MessagesAsync(long conversationId) =>
        (await GetJsonAsync($"/api/v1/conversations/{conversationId}/messages"))["items"]!.AsArray();

    public async Task<JsonObject> WaitForMessageAsync(long conversationId, Func<JsonObject, bool> match, string what, TimeSpan? timeout = null) =>
        await OknoApp.EventuallyAsync(async () => (await MessagesAsync(conversationId)).Select(m => m!.AsObject()).FirstOrDefault(match),
            timeout ?? TimeSpan.FromSeconds(30), what);

    public async Task<long> ReplyAsync(long conversationId, string text)
    {
        using var client = Api();
        var response = await client.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages", new JsonObject { ["text"] = text });
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 202) throw new InvalidOperationException($"Reply not accepted: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["id"]!.GetValue<long>();
    }

    /// <summary>Waits until our message left (status sent) and returns its ExternalId (the Message-ID we generated).</summary>
    public async Task<string> WaitSentAsync(long conversationId, long messageId)
    {
        var message = await WaitForMessageAsync(conversationId, m => m["id"]!.GetValue<long>() == messageId && m["status"]!.GetValue<string>() is "sent" or "failed", "our reply to be sent");
        Assert.Equal("sent", message["status"]!.GetValue<string>());
        return message["externalId"]!.GetValue<string>();
    }
}
