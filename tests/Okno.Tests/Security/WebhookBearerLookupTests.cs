using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Okno.Simulators.GreenApi;
using Okno.Tests.Channels.GreenApi;
using Okno.Tests.Channels.WhatsApp;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Security;

/// <summary>
/// Issue 10.20: Green-API sends its own "Authorization: Bearer &lt;webhookUrlToken&gt;"; the API-token handler looked
/// it up in the database and logged "Invalid API token" on every delivery.
/// </summary>
public abstract class WebhookBearerLookupTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableFact]
    public async Task GreenApiWebhook_WithItsBearer_NoTokenLookupAndStored()
    {
        var kit = await GreenApiTestKit.CreateAsync(App);
        var logs = new CapturedLogs();
        using var host = App.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Debug))));
        using var client = host.CreateClient();
        var text = "Bearer webhook " + Guid.NewGuid();

        using var request = GreenApiSimulator.WebhookRequest($"/webhooks/{kit.ChannelId}", kit.WebhookToken, kit.Text(Inbox.NewPhone(), text));
        (await client.SendAsync(request)).EnsureSuccessStatusCode();

        Assert.NotNull(await OknoApp.EventuallyAsync(() => Inbox.FindConversationAsync(App, text)));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("Invalid API token", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("Bearer was not authenticated", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Api_WrongBearer_Still401()
    {
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "okno_wrong_token");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/conversations")).StatusCode);
    }
}

public sealed class WebhookBearerLookupSqliteTests(SqliteOknoApp app) : WebhookBearerLookupTests<SqliteOknoApp>(app);

public sealed class WebhookBearerLookupPostgresTests(PostgresOknoApp app) : WebhookBearerLookupTests<PostgresOknoApp>(app);
