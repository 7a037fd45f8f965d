using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Okno.Core;
using Okno.Core.Data;
using Okno.Core.Events;
using Okno.Core.OutgoingWebhooks;
using Okno.Web.OutgoingWebhooks;

namespace Okno.Web.Rules.Actions;

/// <summary>
/// <c>{ "type": "webhook", "endpointId" }</c>: one delivery of <c>rule.fired</c> to that endpoint through the outgoing
/// webhooks' own machinery (signed, retried, in its delivery log), whatever events the endpoint chose.
/// </summary>
public sealed class WebhookAction(OknoDbContext db, WebhookPayloads payloads, WebhookSignal signal, TimeProvider clock) : IRuleAction
{
    public const string EventType = "rule.fired";

    public string Type => "webhook";
    public string Title => "Отправить вебхук";

    public async Task<string?> ValidateAsync(JsonObject p, OknoDbContext database, CancellationToken ct) =>
        RuleParams.Long(p, "endpointId") is not { } id ? "webhook: укажите endpointId."
        : await database.WebhookEndpoints.AnyAsync(e => e.Id == id, ct) ? null : $"webhook: нет получателя вебхуков с id {id}.";

    public async Task<RuleActionOutcome> ExecuteAsync(RuleActionContext context, JsonObject p, CancellationToken ct)
    {
        var id = RuleParams.Long(p, "endpointId")!.Value;
        var endpoint = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new DomainException($"Получатель вебхуков {id} удалён.");
        if (!endpoint.Enabled) throw new DomainException($"Получатель вебхуков {id} отключён.");
        var conversation = await payloads.DataAsync(new ConversationUpdated(context.ConversationId, ConversationChange.Message), WebhookPayloads.Viewer(endpoint.IncludePhones), ct);
        var now = clock.GetUtcNow();
        var data = new { ruleId = context.RuleId, ruleName = context.RuleName, @event = context.Event, messageId = context.Facts.Message?.Id, conversation = (conversation as ConversationEventData)?.Conversation };
        var body = JsonSerializer.Serialize(new { type = EventType, timestamp = now, data }, WebhookPayloads.Json);
        db.WebhookDeliveries.Add(new WebhookDelivery(id, WebhookSignature.NewWebhookId(), EventType, body, now));
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return RuleActionOutcome.Done($"вебхук поставлен в очередь ({endpoint.Url})");
    }
}
