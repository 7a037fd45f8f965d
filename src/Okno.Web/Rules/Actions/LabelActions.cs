using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Contacts;
using Okno.Core.Data;

namespace Okno.Web.Rules.Actions;

/// <summary><c>{ "type": "add_label", "label" }</c>: the client's label (the conversation's labels are its client's).</summary>
public sealed class AddLabelAction(OknoDbContext db, ConversationEffects effects, TimeProvider clock) : IRuleAction
{
    public string Type => "add_label";
    public string Title => "Добавить метку";

    public Task<string?> ValidateAsync(JsonObject p, OknoDbContext _, CancellationToken ct) => Task.FromResult(LabelProblem(p));

    internal static string? LabelProblem(JsonObject p) => RuleParams.String(p, "label") is { } l
        ? l.Length > ContactLabel.MaxLength ? $"label: не длиннее {ContactLabel.MaxLength} символов." : null
        : "label: укажите метку.";

    public async Task<RuleActionOutcome> ExecuteAsync(RuleActionContext context, JsonObject p, CancellationToken ct)
    {
        var label = RuleParams.String(p, "label")!;
        var has = await db.ContactLabels.Where(l => l.ContactId == context.ContactId).Select(l => l.Text).ToListAsync(ct);
        if (has.Contains(label, StringComparer.OrdinalIgnoreCase)) return RuleActionOutcome.Skip($"метка «{label}» уже есть");
        db.ContactLabels.Add(new ContactLabel(context.ContactId, label, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await effects.LineAsync(context.ConversationId, $"{context.Who}: метка «{label}»", ct);
        return RuleActionOutcome.Done($"метка «{label}» добавлена");
    }
}

/// <summary><c>{ "type": "remove_label", "label" }</c>.</summary>
public sealed class RemoveLabelAction(OknoDbContext db, ConversationEffects effects) : IRuleAction
{
    public string Type => "remove_label";
    public string Title => "Снять метку";

    public Task<string?> ValidateAsync(JsonObject p, OknoDbContext _, CancellationToken ct) => Task.FromResult(AddLabelAction.LabelProblem(p));

    public async Task<RuleActionOutcome> ExecuteAsync(RuleActionContext context, JsonObject p, CancellationToken ct)
    {
        var label = RuleParams.String(p, "label")!;
        var rows = (await db.ContactLabels.Where(l => l.ContactId == context.ContactId).ToListAsync(ct))
            .Where(l => string.Equals(l.Text, label, StringComparison.OrdinalIgnoreCase)).ToList();
        if (rows.Count == 0) return RuleActionOutcome.Skip($"метки «{label}» нет");
        db.ContactLabels.RemoveRange(rows);
        await db.SaveChangesAsync(ct);
        await effects.LineAsync(context.ConversationId, $"{context.Who}: метка «{label}» снята", ct);
        return RuleActionOutcome.Done($"метка «{label}» снята");
    }
}
