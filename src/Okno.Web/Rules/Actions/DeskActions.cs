using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Okno.Core;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Desk;
using Okno.Core.Events;
using Okno.Core.Walls;

namespace Okno.Web.Rules.Actions;

/// <summary><c>{ "type": "assign_user", "userId" }</c>: to an active colleague (never past an ethical wall); they are told.</summary>
public sealed class AssignUserAction(OknoDbContext db, ConversationEffects effects, ILiveEvents bus) : IRuleAction
{
    public string Type => "assign_user";
    public string Title => "Назначить сотрудника";

    public async Task<string?> ValidateAsync(JsonObject p, OknoDbContext database, CancellationToken ct) =>
        RuleParams.Long(p, "userId") is not { } id ? "assign_user: укажите userId."
        : await database.Users.AnyAsync(u => u.Id == id && u.IsActive, ct) ? null : $"assign_user: нет активного сотрудника с id {id}.";

    public async Task<RuleActionOutcome> ExecuteAsync(RuleActionContext context, JsonObject p, CancellationToken ct)
    {
        var userId = RuleParams.Long(p, "userId")!.Value;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive).Select(u => u.Name).FirstOrDefaultAsync(ct)
            ?? throw new DomainException($"Сотрудник {userId} отключён или удалён.");
        if (!await EthicalWalls.AllowsAsync(db, context.ConversationId, userId, ct)) throw new DomainException("Клиент закрыт этической стеной: этому сотруднику он недоступен.");
        if (context.Facts.Conversation.AssigneeId == userId) return RuleActionOutcome.Skip($"уже у сотрудника «{user}»");
        await effects.ApplyAsync(context, (c, now) => c.AssignBy(userId, AssignmentReason.Manual, now), ConversationChange.Assigned, $"назначено: {user}", ct);
        bus.Publish(new UserNotified(userId, $"Вам назначено обращение ({context.Who}).", context.ConversationId));
        return RuleActionOutcome.Done($"назначено сотруднику «{user}»");
    }
}

/// <summary>
/// <c>{ "type": "assign_team", "teamId" }</c>: into the team's queue, where the team's strategy (round robin, least
/// loaded, skills) hands it out; an assignee outside the team lets it go.
/// </summary>
public sealed class AssignTeamAction(OknoDbContext db, ConversationEffects effects, ILiveEvents bus) : IRuleAction
{
    public string Type => "assign_team";
    public string Title => "Передать в команду";

    public async Task<string?> ValidateAsync(JsonObject p, OknoDbContext database, CancellationToken ct) =>
        RuleParams.Long(p, "teamId") is not { } id ? "assign_team: укажите teamId."
        : await database.Teams.AnyAsync(t => t.Id == id, ct) ? null : $"assign_team: нет команды с id {id}.";

    public async Task<RuleActionOutcome> ExecuteAsync(RuleActionContext context, JsonObject p, CancellationToken ct)
    {
        var teamId = RuleParams.Long(p, "teamId")!.Value;
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, ct) ?? throw new DomainException($"Команда {teamId} удалена.");
        if (context.Facts.Conversation.TeamId == teamId) return RuleActionOutcome.Skip($"уже в команде «{team.Name}»");
        await effects.ApplyAsync(context, (c, _) =>
        {
            c.SetTeam(teamId);
            if (c.AssigneeId is { } a && !team.MemberIds.Contains(a)) c.Assign(null);
        }, ConversationChange.Transferred, $"в команду «{team.Name}»", ct);
        bus.Publish(new QueueChanged(teamId));
        return RuleActionOutcome.Done($"в команду «{team.Name}»");
    }
}

/// <summary><c>{ "type": "snooze", "for": "PT1H" }</c>.</summary>
public sealed class SnoozeAction(ConversationEffects effects, BusinessTime business, TimeProvider clock) : IRuleAction
{
    public string Type => "snooze";
    public string Title => "Отложить";

    public Task<string?> ValidateAsync(JsonObject p, OknoDbContext _, CancellationToken ct) =>
        Task.FromResult(IsoDuration.TryParse(RuleParams.String(p, "for"), out var d) && d > TimeSpan.Zero ? null : "snooze: for — длительность ISO 8601, например PT1H.");

    public async Task<RuleActionOutcome> ExecuteAsync(RuleActionContext context, JsonObject p, CancellationToken ct)
    {
        if (!IsoDuration.TryParse(RuleParams.String(p, "for"), out var span)) throw new DomainException("snooze: for — длительность ISO 8601.");
        var until = clock.GetUtcNow() + span;
        await effects.ApplyAsync(context, (c, now) => c.Snooze(until, now), ConversationChange.Snoozed, "отложено до " + business.Format(until, clock.GetUtcNow()), ct);
        return RuleActionOutcome.Done("отложено до " + business.Format(until, clock.GetUtcNow()));
    }
}

/// <summary><c>{ "type": "resolve" }</c>: closes the request, then the satisfaction survey where the channel asks for it.</summary>
public sealed class ResolveAction(ConversationEffects effects, Okno.Core.Csat.CsatSurvey survey) : IRuleAction
{
    public string Type => "resolve";
    public string Title => "Закрыть обращение";

    public Task<string?> ValidateAsync(JsonObject p, OknoDbContext _, CancellationToken ct) => Task.FromResult<string?>(null);

    public async Task<RuleActionOutcome> ExecuteAsync(RuleActionContext context, JsonObject p, CancellationToken ct)
    {
        if (context.Facts.Conversation.Status == ConversationStatus.Resolved) return RuleActionOutcome.Skip("уже закрыто");
        await effects.ApplyAsync(context, (c, now) => c.Resolve(now), ConversationChange.Resolved, "обращение закрыто", ct);
        await survey.AskAsync(context.ConversationId, ct);
        return RuleActionOutcome.Done("обращение закрыто");
    }
}

/// <summary><c>{ "type": "notify", "userIds": [..], "text" }</c>: a notice to each (behind a wall: only those named on it).</summary>
public sealed class NotifyAction(OknoDbContext db, ILiveEvents bus, TimeProvider clock) : IRuleAction
{
    public string Type => "notify";
    public string Title => "Уведомить сотрудников";

    public async Task<string?> ValidateAsync(JsonObject p, OknoDbContext database, CancellationToken ct)
    {
        if (RuleParams.String(p, "text") is not { } text) return "notify: укажите text.";
        if (text.Length > 1000) return "notify: text не длиннее 1000 символов.";
        var ids = Ids(p);
        if (ids is not { Count: > 0 }) return "notify: userIds — непустой массив id сотрудников.";
        var known = await database.Users.Where(u => ids.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        return ids.Except(known).ToList() is { Count: > 0 } missing ? $"notify: нет сотрудников с id {string.Join(", ", missing)}." : null;
    }

    internal static List<long>? Ids(JsonObject p) =>
        p["userIds"] is JsonArray a && a.All(x => x is JsonValue v && v.TryGetValue<long>(out _)) ? a.Select(x => x!.GetValue<long>()).Distinct().ToList() : null;

    public async Task<RuleActionOutcome> ExecuteAsync(RuleActionContext context, JsonObject p, CancellationToken ct)
    {
        var text = RuleText.Fill(RuleParams.String(p, "text")!, context.Facts, clock);
        var ids = Ids(p)!;
        var active = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(ct);
        var walled = await EthicalWalls.MembersAsync(db, context.ConversationId, context.ContactId, ct);
        var to = active.Where(u => walled is null || walled.Contains(u)).ToList();
        foreach (var u in to) bus.Publish(new UserNotified(u, Conversations.Masking.ForEveryone(text)!, context.ConversationId));
        return to.Count == 0 ? RuleActionOutcome.Skip("некого уведомлять") : RuleActionOutcome.Done($"уведомлено: {to.Count}");
    }
}
