using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Okno.Core.Contacts;
using Okno.Core.Events;
using Okno.Core.OutgoingWebhooks;
using Okno.Tests.Infrastructure;
using StandardWebhooks;

namespace Okno.Tests.OutgoingWebhooks;

/// <summary>Issue 16, step 1: Okno's events reach a real HTTP receiver signed per Standard Webhooks, durably and at least once.</summary>
public abstract class OutgoingWebhooksTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : WebhooksApp
{
    [SkippableFact]
    public async Task MessageCreated_SignedPerSpec_After500TheSameWebhookIdComesAgainLater()
    {
        var kit = await WebhooksKit.CreateAsync(App);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer(500);
        var (endpointId, secret) = await kit.EndpointAsync(receiver.Url, ["message.created"]);
        var text = WebhooksKit.Unique("Нужна консультация по договору");

        await kit.ClientWritesAsync(text, "Ольга");
        var first = Assert.Single(await receiver.WaitForAsync(1, "message.created", text));

        new StandardWebhook(secret).Verify(first.Body, first.Headers); // throws unless the spec's verification passes
        var body = JsonNode.Parse(first.Body)!;
        Assert.Equal(text, body["data"]!["message"]!["text"]!.GetValue<string>());
        var webhookId = first.Headers["webhook-id"].ToString();
        Assert.StartsWith("msg_", webhookId, StringComparison.Ordinal);

        await kit.AttemptsRecordedAsync(endpointId, text, 1);
        App.Clock.Advance(TimeSpan.FromSeconds(4));
        await Task.Delay(1500);
        Assert.Single(receiver.Matching("message.created", text)); // not before the backoff is over

        App.Clock.Advance(TimeSpan.FromSeconds(2));
        var both = await receiver.WaitForAsync(2, "message.created", text);
        Assert.Equal(webhookId, both[1].Headers["webhook-id"].ToString());
        Assert.Equal(first.Body, both[1].Body);
        new StandardWebhook(secret).Verify(both[1].Body, both[1].Headers);
        Assert.NotEqual(first.Headers["webhook-timestamp"].ToString(), both[1].Headers["webhook-timestamp"].ToString());

        var delivery = await OknoApp.EventuallyAsync(async () => (await kit.DeliveriesAsync(endpointId))
            .FirstOrDefault(d => d!["request"]!["body"]!.GetValue<string>().Contains(text, StringComparison.Ordinal) && d["status"]!.GetValue<string>() == "delivered"));
        Assert.Equal(webhookId, delivery!["webhookId"]!.GetValue<string>());
        Assert.Equal([500, 200], delivery["attemptLog"]!.AsArray().Select(a => a!["statusCode"]!.GetValue<int>()).ToArray());
    }

    [SkippableFact]
    public async Task Phones_MaskedAsTheApiMasksThem_UnlessTheEndpointMayReceiveThem()
    {
        var kit = await WebhooksKit.CreateAsync(App);
        await using var masked = await WebhookReceiver.StartAsync();
        await using var full = await WebhookReceiver.StartAsync();
        await kit.EndpointAsync(masked.Url, ["message.created"]);
        await kit.EndpointAsync(full.Url, ["message.created"], includePhones: true);
        var marker = WebhooksKit.Unique("Перезвоните");
        var text = marker + " на +7 903 555-44-11";

        await kit.ClientWritesAsync(text, "Пётр");

        var hidden = JsonNode.Parse(Assert.Single(await masked.WaitForAsync(1, "message.created", marker)).Body)!;
        var shown = JsonNode.Parse(Assert.Single(await full.WaitForAsync(1, "message.created", marker)).Body)!;
        Assert.Equal(PhoneMask.MaskInText(text), hidden["data"]!["message"]!["text"]!.GetValue<string>());
        Assert.DoesNotContain("555-44-11", masked.Matching("message.created", marker)[0].Body, StringComparison.Ordinal);
        Assert.Equal(text, shown["data"]!["message"]!["text"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Replay_SendsTheSameMessageAgain()
    {
        var kit = await WebhooksKit.CreateAsync(App);
        await using var receiver = await WebhookReceiver.StartAsync();
        var (endpointId, secret) = await kit.EndpointAsync(receiver.Url, ["message.created"]);
        var text = WebhooksKit.Unique("Повторите, пожалуйста");
        await kit.ClientWritesAsync(text, "Анна");
        var original = Assert.Single(await receiver.WaitForAsync(1, "message.created", text));
        var delivery = (await kit.DeliveriesAsync(endpointId)).First(d => d!["webhookId"]!.GetValue<string>() == original.Headers["webhook-id"].ToString())!;

        using var admin = App.Api();
        var replay = await admin.PostAsync($"/api/v1/webhook-endpoints/{endpointId}/deliveries/{delivery["id"]}/replay", null);

        Assert.Equal(202, (int)replay.StatusCode);
        var again = (await receiver.WaitForAsync(2, "message.created", text))[1];
        Assert.Equal(original.Headers["webhook-id"].ToString(), again.Headers["webhook-id"].ToString());
        new StandardWebhook(secret).Verify(again.Body, again.Headers);
        var missing = await admin.PostAsync($"/api/v1/webhook-endpoints/{endpointId}/deliveries/987654321/replay", null);
        Assert.Equal(404, (int)missing.StatusCode);
    }

    [SkippableFact]
    public async Task NewClient_ContactAndConversationCreated_ThenResolved()
    {
        var kit = await WebhooksKit.CreateAsync(App);
        await using var receiver = await WebhookReceiver.StartAsync();
        await kit.EndpointAsync(receiver.Url, ["contact.created", "conversation.created", "conversation.resolved"]);
        var name = WebhooksKit.Unique("Семён");

        var id = await kit.ClientWritesAsync(WebhooksKit.Unique("Добрый день"), name);
        var contact = JsonNode.Parse(Assert.Single(await receiver.WaitForAsync(1, "contact.created", name)).Body)!;
        var conversation = JsonNode.Parse(Assert.Single(await receiver.WaitForAsync(1, "conversation.created", name)).Body)!;
        using var admin = App.Api();
        (await admin.PostAsync($"/api/v1/conversations/{id}/resolve", null)).EnsureSuccessStatusCode();
        var resolved = JsonNode.Parse(Assert.Single(await receiver.WaitForAsync(1, "conversation.resolved", name)).Body)!;

        Assert.Equal(name, contact["data"]!["contact"]!["name"]!.GetValue<string>());
        Assert.Equal(id, conversation["data"]!["conversation"]!["id"]!.GetValue<long>());
        Assert.Equal("resolved", resolved["data"]!["conversation"]!["status"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Create_BadInput_400WithTheField()
    {
        using var admin = App.Api();
        var unknown = await admin.PostAsJsonAsync("/api/v1/webhook-endpoints", new { url = "http://127.0.0.1:9/x", events = new[] { "message.deleted" } });
        var badSecret = await admin.PostAsJsonAsync("/api/v1/webhook-endpoints", new { url = "http://127.0.0.1:9/x", events = new[] { "message.created" }, secret = "hunter2" });
        var noUrl = await admin.PostAsJsonAsync("/api/v1/webhook-endpoints", new { events = new[] { "message.created" } });
        var ftp = await admin.PostAsJsonAsync("/api/v1/webhook-endpoints", new { url = "ftp://example.org/x", events = new[] { "message.created" } });

        Assert.Equal(400, (int)unknown.StatusCode);
        Assert.Contains("message.deleted", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(400, (int)badSecret.StatusCode);
        Assert.Contains("secret", await badSecret.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(400, (int)noUrl.StatusCode);
        Assert.Equal(400, (int)ftp.StatusCode);
    }

    [SkippableFact]
    public async Task Endpoints_AdminOnly_AndAGivenSecretIsKept()
    {
        var secret = "whsec_" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var kit = await WebhooksKit.CreateAsync(App);
        var (id, returned) = await kit.EndpointAsync("http://127.0.0.1:9/crm", ["sla.breached"], secret: secret);
        var (email, _) = await Security.SecurityKit.CreateUserAsync(App, "supervisor");
        using var supervisor = await Security.SecurityKit.SignedInAsync(App, email);

        var list = await supervisor.GetAsync("/api/v1/webhook-endpoints");
        var one = await App.GetJsonAsync($"/api/v1/webhook-endpoints/{id}");

        Assert.Equal(secret, returned);
        Assert.Equal(403, (int)list.StatusCode);
        Assert.Null(one["secret"]);
        using var admin = App.Api();
        var patched = await admin.PatchAsJsonAsync($"/api/v1/webhook-endpoints/{id}", new { enabled = false, events = new[] { "sla.breached", "contact.merged" } });
        Assert.Equal(200, (int)patched.StatusCode);
        var body = (await patched.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False(body["enabled"]!.GetValue<bool>());
        Assert.Equal(2, body["events"]!.AsArray().Count);
        Assert.Equal(204, (int)(await admin.DeleteAsync($"/api/v1/webhook-endpoints/{id}")).StatusCode);
        Assert.Equal(404, (int)(await admin.GetAsync($"/api/v1/webhook-endpoints/{id}")).StatusCode);
    }
}

public sealed class SqliteOutgoingWebhooksTests(SqliteWebhooksApp app) : OutgoingWebhooksTests<SqliteWebhooksApp>(app);

public sealed class PostgresOutgoingWebhooksTests(PostgresWebhooksApp app) : OutgoingWebhooksTests<PostgresWebhooksApp>(app);
