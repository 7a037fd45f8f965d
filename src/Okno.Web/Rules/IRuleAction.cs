using System.Text.Json.Nodes;
using Okno.Core.Data;

namespace Okno.Web.Rules;

/// <summary>
/// One kind of action (<c>{ "type": Type, …parameters }</c>). To add one: a class implementing this, registered with
/// <c>services.AddScoped&lt;IRuleAction, MyAction&gt;()</c> — the API, the engine and the screen find it by <see cref="Type"/>.
/// <see cref="ValidateAsync"/> runs when a rule is saved (a bad rule is a 400 naming the problem);
/// <see cref="ExecuteAsync"/> runs when the rule fires and says what it did. A <see cref="Okno.Core.DomainException"/>
/// is a refusal (logged on the conversation, not retried); any other exception is a fault (the job is tried again).
/// </summary>
public interface IRuleAction
{
    string Type { get; }
    /// <summary>Plain Russian name for the screen.</summary>
    string Title { get; }
    /// <summary>The problem with these parameters, or null.</summary>
    Task<string?> ValidateAsync(JsonObject parameters, OknoDbContext db, CancellationToken ct);
    Task<RuleActionOutcome> ExecuteAsync(RuleActionContext context, JsonObject parameters, CancellationToken ct);
}

/// <summary>What an action did: a short line for the firing log; <see cref="Replied"/> when it wrote to the client.</summary>
public sealed record RuleActionOutcome(bool Ok, string Detail, bool Replied = false, bool Skipped = false)
{
    public static RuleActionOutcome Done(string detail) => new(true, detail);
    public static RuleActionOutcome Skip(string detail) => new(true, detail, Skipped: true);
}

/// <summary>What the action acts on.</summary>
public sealed record RuleActionContext(long RuleId, string RuleName, RuleFacts Facts, string Event, bool QuietMessage, bool AlreadyReplied)
{
    public long ConversationId => Facts.Conversation.Id;
    public long ContactId => Facts.Conversation.ContactId;
    /// <summary>Who did it, in conversation lines: «Правило «Приветствие»».</summary>
    public string Who => $"Правило «{RuleName}»";
}

/// <summary>Reads an action's parameters.</summary>
public static class RuleParams
{
    public static string? String(JsonObject p, string name) =>
        p[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    public static long? Long(JsonObject p, string name) =>
        p[name] is JsonValue v && (v.TryGetValue<long>(out var l) || (v.TryGetValue<string>(out var s) && long.TryParse(s, out l))) ? l : null;
}
