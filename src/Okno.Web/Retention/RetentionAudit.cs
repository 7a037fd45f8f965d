using Okno.Core.Audit;
using Okno.Core.Retention;

namespace Okno.Web.Retention;

/// <summary>How retention shows in the audit: the rules, each dry run and run (with counts), each conversation a run emptied, holds.</summary>
public static class RetentionAudit
{
    public const string RulesChanged = "retention.rules";
    public const string DryRun = "retention.dry-run";
    public const string Run = "retention.run";
    public const string Applied = "retention.apply";
    public const string HoldPlaced = "legal-hold.place";
    public const string HoldReleased = "legal-hold.release";

    public static string Summary(RetentionPlan plan) =>
        $"conversations={plan.Items.Count} messages={plan.Items.Sum(i => i.Messages)} files={plan.Items.Sum(i => i.Files)} held={plan.HeldConversationIds.Count}";

    public static async Task RanAsync(AuditLog log, RetentionPlan plan, long? userId, string? ip, CancellationToken ct)
    {
        foreach (var item in plan.Items)
            await log.AppendAsync(new AuditRecord(userId, Applied, AuditObjects.Conversation, AuditChain.Id(item.ConversationId), ip,
                $"{item.Action} rule={item.RuleId} messages={item.Messages} files={item.Files}"), ct: ct);
        await log.AppendAsync(new AuditRecord(userId, Run, AuditObjects.Conversation, null, ip, Summary(plan)), ct: ct);
    }
}
