using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Okno.Core;
using Okno.Core.Conversations;
using Okno.Core.Data;

namespace Okno.Web.Rules.Actions;

/// <summary>
/// <c>{ "type": "reply", "text" }</c> or <c>{ "type": "reply", "scriptId" }</c>: a message to the client (variables
/// filled), sent as any reply is — message row + outbox, through the channel and number the client wrote to — without
/// an author, so it is not a staff answer. At most once per request per rule (<c>"everyTime": true</c> lifts that),
/// and never to an auto-reply or a bounce.
/// </summary>
public sealed class ReplyAction(OknoDbContext db, SendReply send, TimeProvider clock) : IRuleAction
{
    public string Type => "reply";
    public string Title => "Ответить клиенту";

    public async Task<string?> ValidateAsync(JsonObject p, OknoDbContext database, CancellationToken ct)
    {
        var text = RuleParams.String(p, "text");
        var script = RuleParams.Long(p, "scriptId");
        if (text is null && script is null) return "reply: укажите text или scriptId.";
        if (text is not null && script is not null) return "reply: либо text, либо scriptId.";
        if (text is { Length: > SendReply.MaxTextLength }) return $"reply: текст не длиннее {SendReply.MaxTextLength} символов.";
        if (script is { } id && !await database.Scripts.AnyAsync(s => s.Id == id, ct)) return $"reply: нет скрипта с id {id}.";
        return null;
    }

    public async Task<RuleActionOutcome> ExecuteAsync(RuleActionContext context, JsonObject p, CancellationToken ct)
    {
        if (Refusal(context, p) is { } skip) return skip;
        var text = RuleParams.String(p, "text");
        if (RuleParams.Long(p, "scriptId") is { } id)
            text = (await db.Scripts.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new DomainException($"Скрипт {id} удалён.")).Text;
        var message = await send.ExecuteAsync(new ReplyRequest(context.ConversationId, RuleText.Fill(text!, context.Facts, clock), context.Facts.Message?.ChannelAccountId, null), ct);
        return new RuleActionOutcome(true, $"ответ отправлен (сообщение {message.Id})", Replied: true);
    }

    /// <summary>Why an automatic message to the client is not sent now, or null.</summary>
    internal static RuleActionOutcome? Refusal(RuleActionContext context, JsonObject p)
    {
        if (context.QuietMessage) return RuleActionOutcome.Skip("не отвечаем на автоответ или недоставку");
        var everyTime = p["everyTime"] is JsonValue e && e.TryGetValue<bool>(out var b) && b;
        if (context.AlreadyReplied && !everyTime) return RuleActionOutcome.Skip("в этом обращении правило уже отвечало");
        return null;
    }
}

/// <summary>
/// <c>{ "type": "send_template", "template": { "name", "language", "components" } }</c>: a WhatsApp Cloud template
/// (the one way to write first or after the 24-hour window), through a WhatsApp Cloud route of the client.
/// </summary>
public sealed class SendTemplateAction(OknoDbContext db, SendReply send, ReplyRoutes routes) : IRuleAction
{
    public string Type => "send_template";
    public string Title => "Шаблон WhatsApp";

    public Task<string?> ValidateAsync(JsonObject p, OknoDbContext _, CancellationToken ct)
    {
        if (p["template"] is not JsonObject t) return Task.FromResult<string?>("send_template: укажите template { name, language, components }.");
        if (RuleParams.String(t, "name") is null) return Task.FromResult<string?>("send_template: template.name — имя шаблона.");
        var language = t["language"] is JsonObject l ? RuleParams.String(l, "code") : RuleParams.String(t, "language");
        if (language is null) return Task.FromResult<string?>("send_template: template.language — код языка (ru, en_US).");
        if (t["components"] is { } c && c is not JsonArray) return Task.FromResult<string?>("send_template: template.components — массив.");
        return Task.FromResult<string?>(t.ToJsonString().Length > 8000 ? "send_template: шаблон слишком большой." : null);
    }

    public async Task<RuleActionOutcome> ExecuteAsync(RuleActionContext context, JsonObject p, CancellationToken ct)
    {
        if (ReplyAction.Refusal(context, p) is { } skip) return skip;
        var t = (JsonObject)p["template"]!.DeepClone();
        if (t["language"] is JsonValue code) t["language"] = new JsonObject { ["code"] = code.GetValue<string>() };
        var conversation = await db.Conversations.AsNoTracking().FirstAsync(c => c.Id == context.ConversationId, ct);
        var route = (await routes.ForConversationAsync(conversation, ct)).Where(r => r.Usable && r.Capabilities.Templates)
            .OrderByDescending(r => r.ChannelId == context.Facts.Message?.ChannelAccountId).ThenByDescending(r => r.IsDefault).FirstOrDefault()
            ?? throw new DomainException("У клиента нет канала с шаблонами (WhatsApp Cloud).");
        var message = await send.ExecuteAsync(new ReplyRequest(context.ConversationId, null, route.ChannelId, null, Template: t.ToJsonString(new JsonSerializerOptions())), ct);
        return new RuleActionOutcome(true, $"шаблон «{t["name"]}» отправлен (сообщение {message.Id})", Replied: true);
    }
}

/// <summary>The variables of a rule's texts: {client_name}, {operator_name} (the assignee), as in scripts.</summary>
public static class RuleText
{
    public static string Fill(string text, RuleFacts facts, TimeProvider clock) => text
        .Replace("{client_name}", facts.ContactName, StringComparison.Ordinal)
        .Replace("{operator_name}", facts.AssigneeName ?? "", StringComparison.Ordinal);
}
