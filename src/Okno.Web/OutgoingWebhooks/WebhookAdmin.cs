using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.OutgoingWebhooks;
using Okno.Web.Desk;

namespace Okno.Web.OutgoingWebhooks;

/// <summary>What the API and the admin screen do with endpoints: one set of checks for both.</summary>
public sealed class WebhookAdmin(OknoDbContext db, WebhookTargets targets, WebhookSecrets secrets, TimeProvider clock, WebhookSignal signal)
{
    public sealed record Outcome<T>(T? Value, Dictionary<string, string[]> Errors, bool NotFound = false);

    public async Task<List<WebhookEndpointDto>> ListAsync(CancellationToken ct) =>
        (await db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct)).Select(WebhookEndpointDto.From).ToList();

    public async Task<WebhookEndpointDto?> FindAsync(long id, CancellationToken ct) =>
        await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is { } e ? WebhookEndpointDto.From(e) : null;

    public async Task<Outcome<CreatedWebhookEndpointDto>> CreateAsync(JsonObject? body, CancellationToken ct)
    {
        var input = new JsonInput(body);
        var url = input.String("url", WebhookEndpoint.MaxUrl, required: true);
        var events = Events(input, required: true);
        var secret = input.String("secret", 200);
        if (secret is not null && !WebhookSignature.IsValidSecret(secret)) input.Error("secret", "Секрет: whsec_ и base64 от 24 до 64 байт (или не указывайте — Okno создаст его).");
        var includePhones = input.Bool("includePhones") ?? false;
        if (url is not null && await targets.RefusalAsync(url, ct) is { } refusal) input.Error("url", refusal);
        if (!input.Ok) return new(null, input.Errors);
        secret ??= WebhookSignature.NewSecret();
        var endpoint = new WebhookEndpoint(url!, events!, secrets.Protect(secret), includePhones, clock.GetUtcNow());
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(ct);
        return new(new CreatedWebhookEndpointDto(endpoint.Id, secret, endpoint.Url, endpoint.Events, endpoint.IncludePhones, endpoint.Enabled, endpoint.CreatedAt), []);
    }

    public async Task<Outcome<WebhookEndpointDto>> UpdateAsync(long id, JsonObject? body, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null) return new(null, [], NotFound: true);
        var input = new JsonInput(body);
        var url = input.String("url", WebhookEndpoint.MaxUrl, required: input.Has("url"));
        var events = Events(input, required: input.Has("events"));
        var includePhones = input.Bool("includePhones");
        var enabled = input.Bool("enabled");
        if (url is not null && await targets.RefusalAsync(url, ct) is { } refusal) input.Error("url", refusal);
        if (!input.Ok) return new(null, input.Errors);
        if (url is not null) endpoint.Url = url;
        if (events is not null) endpoint.Events = events;
        if (includePhones is { } p) endpoint.IncludePhones = p;
        if (enabled == true) endpoint.Enable();
        else if (enabled == false) endpoint.Disable(null, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        if (enabled == true) signal.Notify();
        return new(WebhookEndpointDto.From(endpoint), []);
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken ct) =>
        await db.WebhookEndpoints.Where(e => e.Id == id).ExecuteDeleteAsync(ct) == 1;

    public async Task<List<WebhookDeliveryDto>?> DeliveriesAsync(long id, int limit, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (endpoint is null) return null;
        var rows = await db.WebhookDeliveries.AsNoTracking().Include(d => d.AttemptLog).Where(d => d.EndpointId == id)
            .OrderByDescending(d => d.Id).Take(Math.Clamp(limit, 1, 500)).ToListAsync(ct);
        return rows.Select(d => WebhookDeliveryDto.From(d, endpoint.Url)).ToList();
    }

    /// <summary>The same message again (same webhook-id and body, so a receiver that has it can tell); null when not found.</summary>
    public async Task<Outcome<WebhookDeliveryDto>> ReplayAsync(long id, long deliveryId, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        var original = await db.WebhookDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deliveryId && d.EndpointId == id, ct);
        if (endpoint is null || original is null) return new(null, [], NotFound: true);
        if (!endpoint.Enabled) return new(null, new() { ["endpoint"] = ["Получатель отключён: включите его (enabled: true), затем повторите."] });
        var replay = new WebhookDelivery(id, original.WebhookId, original.EventType, original.Body, clock.GetUtcNow(), replayOf: original.Id);
        db.WebhookDeliveries.Add(replay);
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return new(WebhookDeliveryDto.From(replay, endpoint.Url), []);
    }

    private static List<string>? Events(JsonInput input, bool required)
    {
        var events = input.Strings("events", 64);
        if (events is null) { if (required && input.Ok) input.Error("events", "Укажите хотя бы одно событие: " + string.Join(", ", WebhookEventTypes.All) + "."); return null; }
        if (events.Count == 0) { input.Error("events", "Укажите хотя бы одно событие."); return null; }
        if (events.Except(WebhookEventTypes.All).ToList() is { Count: > 0 } unknown)
        {
            input.Error("events", $"Нет таких событий: {string.Join(", ", unknown)}. Есть: {string.Join(", ", WebhookEventTypes.All)}.");
            return null;
        }
        return events;
    }
}
