using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Okno.Core.Data;
using Okno.Core.OutgoingWebhooks;
using Okno.Tests.Infrastructure;
using Okno.Web.OutgoingWebhooks;

namespace Okno.Tests.OutgoingWebhooks;

/// <summary>Without Okno:Webhooks:AllowPrivateNetworks, webhooks never go to loopback, link-local or private addresses.</summary>
public abstract class WebhookTargetTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableTheory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("https://10.1.2.3/crm")]
    [InlineData("https://192.168.0.10/crm")]
    [InlineData("http://172.20.0.5/crm")]
    public async Task Create_PrivateTarget_Refused(string url)
    {
        using var admin = App.Api();

        var response = await admin.PostAsJsonAsync("/api/v1/webhook-endpoints", new { url, events = new[] { "message.created" } });

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("внутреннюю сеть", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Delivery_TargetThatResolvesInside_RefusedWhenConnecting()
    {
        var app = App;
        await using var receiver = await WebhookReceiver.StartAsync();
        long endpointId;
        using (var scope = app.Services.CreateScope())
        {
            // As if the name resolved to a public address when it was saved and points inside now (DNS rebinding).
            var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
            var secrets = scope.ServiceProvider.GetRequiredService<WebhookSecrets>();
            var endpoint = new WebhookEndpoint(receiver.Url, ["message.created"], secrets.Protect(WebhookSignature.NewSecret()), false, DateTimeOffset.UtcNow);
            db.WebhookEndpoints.Add(endpoint);
            await db.SaveChangesAsync();
            endpointId = endpoint.Id;
            db.WebhookDeliveries.Add(new WebhookDelivery(endpointId, WebhookSignature.NewWebhookId(), "message.created", "{}", DateTimeOffset.UtcNow.AddSeconds(-1)));
            await db.SaveChangesAsync();
        }
        app.Services.GetRequiredService<WebhookSignal>().Notify();

        var delivery = await OknoApp.EventuallyAsync(async () =>
            (await app.GetJsonAsync($"/api/v1/webhook-endpoints/{endpointId}/deliveries"))["items"]!.AsArray().FirstOrDefault(d => d!["attempts"]!.GetValue<int>() >= 1));

        Assert.Contains("внутреннюю сеть", delivery!["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }
}

public sealed class SqliteWebhookTargetTests(SqliteOknoApp app) : WebhookTargetTests<SqliteOknoApp>(app);

public sealed class PostgresWebhookTargetTests(PostgresOknoApp app) : WebhookTargetTests<PostgresOknoApp>(app);
