using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Events;
using Okno.Core.Operators;
using Okno.Core.OutgoingWebhooks;

namespace Okno.Web.OutgoingWebhooks;

/// <summary>
/// Works one claimed delivery: signs it (Standard Webhooks, the attempt's own timestamp), POSTs it under a deadline,
/// logs the attempt, schedules the next one or gives up; when a delivery has failed every attempt and nothing got
/// through to the endpoint since it was recorded, the endpoint is switched off and the administrators told.
/// </summary>
public sealed class WebhookSender(OknoDbContext db, IHttpClientFactory http, WebhookSecrets secrets, WebhookOptions options,
    TimeProvider clock, ILiveEvents bus, ILogger<WebhookSender> log)
{
    public async Task SendAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == delivery.EndpointId, ct);
        if (endpoint is null || !endpoint.Enabled)
        {
            // Switched off while it waited: it stays pending and goes when the endpoint is switched on again.
            await db.WebhookDeliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, (DateTimeOffset?)null), ct);
            return;
        }

        var started = clock.GetUtcNow();
        var timer = Stopwatch.StartNew();
        var (status, error) = await PostAsync(endpoint, delivery, started, ct);
        var now = clock.GetUtcNow();
        delivery.Record(now, status, error, (int)timer.ElapsedMilliseconds);
        if (delivery.Status == WebhookDeliveryStatus.Delivered) endpoint.RecordSuccess(now);
        var disabled = delivery.Status == WebhookDeliveryStatus.Failed && (endpoint.LastSuccessAt is null || endpoint.LastSuccessAt < delivery.CreatedAt);
        if (disabled)
            endpoint.Disable($"Отключён автоматически: доставка {delivery.WebhookId} не прошла за {WebhookSchedule.MaxAttempts} попыток, последняя ошибка: {Describe(status, error)}.", now);
        await db.SaveChangesAsync(ct);
        if (disabled) await NotifyAdminsAsync(endpoint, ct);
    }

    private async Task<(int? Status, string? Error)> PostAsync(WebhookEndpoint endpoint, WebhookDelivery delivery, DateTimeOffset at, CancellationToken ct)
    {
        var timestamp = at.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", delivery.WebhookId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(secrets.Unprotect(endpoint.ProtectedSecret), delivery.WebhookId, timestamp, delivery.Body));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Okno-Webhooks", "1"));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.Timeout);
        try
        {
            using var response = await http.CreateClient(WebhookTargets.HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            return ((int)response.StatusCode, response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"Нет ответа за {options.Timeout.TotalSeconds:0} с.");
        }
        catch (HttpRequestException ex)
        {
            log.LogInformation("Webhook delivery {DeliveryId} to endpoint {EndpointId}: {Error}", delivery.Id, endpoint.Id, ex.HttpRequestError);
            return (null, Refused(ex) ? RefusedTarget : "Нет связи с получателем.");
        }
    }

    public const string RefusedTarget = "Адрес ведёт во внутреннюю сеть: отправка запрещена.";

    private static bool Refused(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
            if (ex.Message.Contains(RefusedTarget, StringComparison.Ordinal)) return true;
        return false;
    }

    private static string Describe(int? status, string? error) => error ?? (status is { } s ? $"HTTP {s}" : "нет ответа");

    private async Task NotifyAdminsAsync(WebhookEndpoint endpoint, CancellationToken ct)
    {
        var admins = await db.Users.Where(u => u.Role == UserRole.Admin && u.IsActive).Select(u => u.Id).ToListAsync(ct);
        var host = Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var uri) ? uri.Host : endpoint.Url;
        bus.PublishAll(admins.Select(a => new UserNotified(a, $"Вебхук на {host} отключён: получатель не принимает события больше суток.", null)));
    }
}

/// <summary>Signing secrets at rest: Data Protection, like channel secrets.</summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Okno.WebhookSecrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
