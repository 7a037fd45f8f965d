using Microsoft.Extensions.DependencyInjection;
using Okno.Core.Events;
using Okno.Core.OutgoingWebhooks;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.OutgoingWebhooks;

/// <summary>A receiver that never accepts: its own Okno, since the fake clock runs through the whole day-long schedule.</summary>
public abstract class WebhookFailureTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : WebhooksApp
{
    [SkippableFact]
    public async Task PersistentFailure_AfterTheWholeScheduleTheEndpointIsDisabledWithANotice()
    {
        var kit = await WebhooksKit.CreateAsync(App);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.DefaultStatus = 503;
        var (endpointId, _) = await kit.EndpointAsync(receiver.Url, ["message.created"]);
        var notices = new List<UserNotified>();
        using var _ = App.Services.GetRequiredService<EventBus>().Subscribe(e => { if (e is UserNotified n) lock (notices) notices.Add(n); });
        var text = WebhooksKit.Unique("Никто не отвечает");
        await kit.ClientWritesAsync(text, "Глеб");

        for (var attempt = 1; attempt <= WebhookSchedule.MaxAttempts; attempt++)
        {
            await receiver.WaitForAsync(attempt, "message.created", text);
            await kit.AttemptsRecordedAsync(endpointId, text, attempt);
            if (WebhookSchedule.After(attempt) is { } wait) App.Clock.Advance(wait);
        }

        var endpoint = await OknoApp.EventuallyAsync(async () => await App.GetJsonAsync($"/api/v1/webhook-endpoints/{endpointId}") is var e && !e["enabled"]!.GetValue<bool>() ? e : null);
        Assert.Contains("Отключён автоматически", endpoint!["disabledReason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(WebhookSchedule.Total >= TimeSpan.FromHours(24));
        await OknoApp.EventuallyAsync(() => Task.FromResult(notices.Any(n => n.Text.Contains("Вебхук", StringComparison.Ordinal))));
        var delivery = (await kit.DeliveriesAsync(endpointId)).First(d => d!["request"]!["body"]!.GetValue<string>().Contains(text, StringComparison.Ordinal))!;
        Assert.Equal("failed", delivery["status"]!.GetValue<string>());
        Assert.Equal(WebhookSchedule.MaxAttempts, delivery["attemptLog"]!.AsArray().Count);
    }
}

public sealed class SqliteWebhookFailureTests(SqliteWebhooksApp app) : WebhookFailureTests<SqliteWebhooksApp>(app);

public sealed class PostgresWebhookFailureTests(PostgresWebhooksApp app) : WebhookFailureTests<PostgresWebhooksApp>(app);
