using Microsoft.EntityFrameworkCore;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Messages;

namespace Okno.Core.Quality;

/// <summary>The policy as stored, and what it finds in a staff reply to a given conversation.</summary>
public sealed class QualityRules(OknoDbContext db, TimeProvider clock)
{
    public async Task<QualityPolicy> PolicyAsync(CancellationToken ct) =>
        await db.QualityPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == QualityPolicy.SingletonId, ct) ?? QualityPolicy.Default();

    /// <summary>What a reply with this text would break — shown to the operator before it is sent.</summary>
    public async Task<IReadOnlyList<PolicyFinding>> CheckAsync(Conversation conversation, string? text, CancellationToken ct) =>
        await FindAsync(await PolicyAsync(ct), conversation, text, ct);

    public async Task<IReadOnlyList<PolicyFinding>> FindAsync(QualityPolicy policy, Conversation conversation, string? text, CancellationToken ct)
    {
        if (policy.IsEmpty) return [];
        var first = !await db.Messages.AnyAsync(m => m.ConversationId == conversation.Id && m.Direction == MessageDirection.Outbound &&
            m.AuthorId != null && (m.Kind == MessageKind.Text || m.Kind == MessageKind.Media), ct);
        var found = PolicyCheck.Check(policy, text, first).ToList();
        // Lateness concerns a client's request still waiting for its first answer (a request the firm opened has none).
        if (conversation.FirstResponseAt is null && conversation.LastInboundAt is not null &&
            PolicyCheck.LateFirstResponse(policy, clock.GetUtcNow() - conversation.CreatedAt) is { } late)
            found.Add(late);
        return found;
    }

    /// <summary>Findings that stop a send when the admin made the policy blocking (lateness can't be fixed by editing).</summary>
    public static IEnumerable<PolicyFinding> Blocking(QualityPolicy policy, IEnumerable<PolicyFinding> found) =>
        policy.Block ? found.Where(f => f.Rule != QualityRule.FirstResponseTime) : [];
}
