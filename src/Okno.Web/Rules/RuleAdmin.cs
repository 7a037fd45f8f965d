using System.Text.Json.Nodes;
using Cronos;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Desk;
using Okno.Core.Rules;
using Okno.Web.Desk;

namespace Okno.Web.Rules;

/// <summary>What the API and the rules screen do with rules: one set of checks for both.</summary>
public sealed class RuleAdmin(OknoDbContext db, IEnumerable<IRuleAction> actions, RuleRecorder recorder, TimeProvider clock)
{
    public sealed record Outcome<T>(T? Value, Dictionary<string, string[]> Errors, bool NotFound = false);

    private readonly Dictionary<string, IRuleAction> _actions = actions.ToDictionary(a => a.Type);

    public IReadOnlyCollection<IRuleAction> ActionTypes => _actions.Values;

    public async Task<List<RuleDto>> ListAsync(CancellationToken ct) =>
        (await db.Rules.AsNoTracking().OrderBy(r => r.Order).ThenBy(r => r.Id).ToListAsync(ct)).Select(RuleDto.From).ToList();

    public async Task<RuleDto?> FindAsync(long id, CancellationToken ct) =>
        await db.Rules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } r ? RuleDto.From(r) : null;

    public async Task<Outcome<RuleDto>> CreateAsync(JsonObject? body, CancellationToken ct)
    {
        var input = new JsonInput(body);
        var name = input.String("name", Rule.MaxName, required: true);
        var ev = input.String("event", 64, required: true);
        if (ev is not null && !RuleEvents.All.Contains(ev)) input.Error("event", $"Нет события «{ev}». Есть: {string.Join(", ", RuleEvents.All)}.");
        var rule = new Rule(name ?? "", ev ?? "", clock.GetUtcNow());
        await ReadAsync(input, rule, creating: true, ct);
        if (!input.Ok) return new(null, input.Errors);
        db.Rules.Add(rule);
        await db.SaveChangesAsync(ct);
        recorder.Changed();
        return new(RuleDto.From(rule), []);
    }

    public async Task<Outcome<RuleDto>> UpdateAsync(long id, JsonObject? body, CancellationToken ct)
    {
        var rule = await db.Rules.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null) return new(null, [], NotFound: true);
        var input = new JsonInput(body);
        if (input.Has("name") && input.String("name", Rule.MaxName, required: true) is { } name) rule.Name = name;
        if (input.Has("event") && input.String("event", 64, required: true) is { } ev)
        {
            if (RuleEvents.All.Contains(ev)) rule.Event = ev;
            else input.Error("event", $"Нет события «{ev}». Есть: {string.Join(", ", RuleEvents.All)}.");
        }
        await ReadAsync(input, rule, creating: false, ct);
        if (!input.Ok) return new(null, input.Errors);
        rule.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        recorder.Changed();
        return new(RuleDto.From(rule), []);
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken ct)
    {
        var gone = await db.Rules.Where(r => r.Id == id).ExecuteDeleteAsync(ct) == 1;
        recorder.Changed();
        return gone;
    }

    public async Task<List<RuleFiringDto>?> LogAsync(long id, int limit, CancellationToken ct)
    {
        if (!await db.Rules.AnyAsync(r => r.Id == id, ct)) return null;
        return (await db.RuleFirings.AsNoTracking().Where(f => f.RuleId == id).OrderByDescending(f => f.Id).Take(Math.Clamp(limit, 1, 500)).ToListAsync(ct))
            .Select(RuleFiringDto.From).ToList();
    }

    /// <summary>
    /// A dry run: the rule (saved, by <c>ruleId</c>, or as in <c>rule</c>) against a sample message — <c>text</c>,
    /// <c>channelKind</c>, <c>hasFiles</c>, <c>businessHoursOpen</c>, <c>returning</c>, <c>labels</c> — or a real
    /// conversation (<c>conversationId</c>). Nothing is sent or changed.
    /// </summary>
    public async Task<Outcome<RuleTestResult>> TestAsync(JsonObject? body, CancellationToken ct)
    {
        var input = new JsonInput(body);
        Rule? rule = null;
        if (input.Long("ruleId") is { } id)
        {
            rule = await db.Rules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
            if (rule is null) input.Error("ruleId", $"Нет правила с id {id}.");
        }
        else if (body?["rule"] is JsonObject draft)
        {
            var inner = new JsonInput(draft);
            rule = new Rule("проверка", RuleParams.String(draft, "event") ?? RuleEvents.MessageReceived, clock.GetUtcNow());
            await ReadAsync(inner, rule, creating: true, ct);
            foreach (var (k, v) in inner.Errors) input.Error("rule." + k, v[0]);
        }
        else input.Error("ruleId", "Укажите ruleId или rule.");
        var text = input.String("text", 10_000);
        var kindName = input.String("channelKind", 40) ?? "telegram";
        if (!Okno.Core.Channels.ChannelKinds.TryParse(kindName, out var kind)) input.Error("channelKind", $"Нет вида канала «{kindName}».");
        var conversationId = input.Long("conversationId");
        if (!input.Ok || rule is null) return new(null, input.Errors);

        RuleFacts facts;
        var now = clock.GetUtcNow();
        if (conversationId is { } cid)
        {
            var real = await RuleFacts.LoadAsync(db, cid, null, clock, ct);
            if (real is null) return new(null, new() { ["conversationId"] = [$"Нет обращения {cid}."] });
            facts = new RuleFacts
            {
                Conversation = real.Conversation, ContactName = real.ContactName, Labels = real.Labels, ChannelKind = real.ChannelKind, ChannelId = real.ChannelId,
                IsReturning = real.IsReturning, BusinessOpen = real.BusinessOpen, PracticeArea = real.PracticeArea, AssigneeName = real.AssigneeName,
                Message = text is null ? null : Okno.Core.Messages.Message.Inbound(cid, real.Conversation.ContactId, real.ChannelId, null, Okno.Core.Messages.MessageKind.Text, text, now, now),
            };
        }
        else
        {
            var conversation = new Conversation(0, Guid.Empty, null, now);
            var files = input.Bool("hasFiles") == true;
            var message = Okno.Core.Messages.Message.Inbound(0, 0, Guid.Empty, null, files ? Okno.Core.Messages.MessageKind.Media : Okno.Core.Messages.MessageKind.Text, text, now, now);
            facts = new RuleFacts
            {
                Conversation = conversation, Message = message, ContactName = "Клиент", ChannelKind = kind, ChannelId = Guid.Empty,
                Labels = input.Strings("labels", 50) ?? [], IsReturning = input.Bool("returning") ?? false,
                BusinessOpen = input.Bool("businessHoursOpen") ?? await RuleFacts.OpenAsync(db, null, now, ct),
            };
        }
        var (match, why) = RuleDefinition.Of(rule).Test(facts);
        var planned = match ? RuleDefinition.ParseActions(rule.ActionsJson).Select(a => Describe(a)).ToList() : [];
        return new(new RuleTestResult(match, why, planned), []);
    }

    /// <summary>An action in plain words: «Ответить клиенту: Здравствуйте…».</summary>
    public string Describe(JsonObject a)
    {
        var type = RuleParams.String(a, "type") ?? "";
        var title = _actions.TryGetValue(type, out var action) ? action.Title : type;
        var detail = RuleParams.String(a, "text") ?? RuleParams.String(a, "label") ?? RuleParams.String(a, "for") ?? RuleParams.String(a, "practiceArea")
            ?? (a["template"] as JsonObject)?["name"]?.ToString() ?? a.Where(kv => kv.Key != "type").Select(kv => $"{kv.Key}={kv.Value?.ToJsonString()}").FirstOrDefault();
        return detail is null ? title : $"{title}: {(detail.Length > 80 ? detail[..80] + "…" : detail)}";
    }

    private async Task ReadAsync(JsonInput input, Rule rule, bool creating, CancellationToken ct)
    {
        if (input.Has("after"))
        {
            var after = input.Duration("after");
            if (after is <= 0) input.Error("after", "after — больше нуля.");
            rule.AfterSeconds = after;
        }
        if (input.Has("schedule"))
        {
            var schedule = input.String("schedule", 100);
            if (schedule is not null && !TryCron(schedule, out _)) input.Error("schedule", "schedule — выражение cron из пяти полей, например «0 9 * * 1-5» (в 9:00 по будням).");
            rule.Schedule = schedule;
        }
        if (input.Bool("businessHoursOnly") is { } bho) rule.BusinessHoursOnly = bho;
        if (input.Bool("enabled") is { } enabled) rule.Enabled = enabled;
        if (input.Int("order", -1_000_000, 1_000_000) is { } order) rule.Order = order;
        if (input.Has("preset")) rule.Preset = input.String("preset", 64);
        if (input.Has("conditions") || creating) await ConditionsAsync(input, rule);
        if (input.Has("actions") || creating) await ActionsAsync(input, rule, ct);
        if (RuleEvents.All.Contains(rule.Event))
        {
            if (RuleEvents.NeedsAfter(rule.Event) && rule.AfterSeconds is null && !input.Errors.ContainsKey("after"))
                input.Error("after", $"Для «{rule.Event}» укажите after — через сколько, например PT30M.");
            if (rule.Event == RuleEvents.Schedule && rule.Schedule is null && !input.Errors.ContainsKey("schedule"))
                input.Error("schedule", "Для «time.schedule» укажите schedule (cron), например «0 9 * * 1-5».");
        }
    }

    private static Task ConditionsAsync(JsonInput input, Rule rule)
    {
        var node = input.Raw("conditions");
        if (node is null) { rule.ConditionsJson = "[]"; return Task.CompletedTask; }
        if (node is not JsonArray array || array.Count > 50) { input.Error("conditions", "conditions — массив (до 50) условий { field, op, value }."); return Task.CompletedTask; }
        var list = new List<RuleCondition>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject o || RuleParams.String(o, "field") is not { } field || RuleParams.String(o, "op") is not { } op)
            {
                input.Error($"conditions[{i}]", "Условие — { field, op, value }.");
                return Task.CompletedTask;
            }
            var c = new RuleCondition(field, op, o["value"]?.DeepClone());
            if (c.Problem() is { } problem) { input.Error($"conditions[{i}]", problem); return Task.CompletedTask; }
            list.Add(c);
        }
        rule.ConditionsJson = RuleDefinition.Json(list);
        return Task.CompletedTask;
    }

    private async Task ActionsAsync(JsonInput input, Rule rule, CancellationToken ct)
    {
        var node = input.Raw("actions");
        if (node is not JsonArray array || array.Count == 0 || array.Count > 20)
        {
            input.Error("actions", $"actions — непустой массив (до 20) действий {{ type, … }}. Есть: {string.Join(", ", _actions.Keys.Order())}.");
            return;
        }
        var list = new List<JsonObject>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject o || RuleParams.String(o, "type") is not { } type) { input.Error($"actions[{i}]", "Действие — { type, … }."); return; }
            if (!_actions.TryGetValue(type, out var action))
            {
                input.Error($"actions[{i}]", $"Нет действия «{type}». Есть: {string.Join(", ", _actions.Keys.Order())}.");
                return;
            }
            if (await action.ValidateAsync(o, db, ct) is { } problem) { input.Error($"actions[{i}]", problem); return; }
            list.Add(o);
        }
        rule.ActionsJson = RuleDefinition.Json(list);
    }

    public static bool TryCron(string expression, out CronExpression? cron)
    {
        try
        {
            cron = CronExpression.Parse(expression, CronFormat.Standard);
            return true;
        }
        catch (CronFormatException)
        {
            cron = null;
            return false;
        }
    }
}
