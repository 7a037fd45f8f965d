using Okno.Core.Audit;

namespace Okno.Web.Audit;

/// <summary>What features call to write the audit: the actor and IP come from the scope, reads are written once per window.</summary>
public sealed class AuditTrail(AuditLog log, AuditActor actor, AuditOptions options)
{
    public Task RecordAsync(string action, string objectType, string? objectId, string? detail = null, CancellationToken ct = default) =>
        log.AppendAsync(new AuditRecord(actor.UserId, action, objectType, objectId, actor.Ip, detail), ct: ct);

    /// <summary>For a sign-in, where the actor is not signed in yet (or never will be).</summary>
    public Task RecordAsAsync(long? userId, string action, string objectType, string? objectId, CancellationToken ct = default) =>
        RecordAsAsync(userId, action, objectType, objectId, null, ct);

    public Task RecordAsAsync(long? userId, string action, string objectType, string? objectId, string? detail, CancellationToken ct) =>
        log.AppendAsync(new AuditRecord(userId, action, objectType, objectId, actor.Ip, detail), ct: ct);

    public Task MergedAsync(long survivorId, long mergedId, CancellationToken ct = default) =>
        RecordAsync(AuditActions.Merge, AuditObjects.Contact, AuditChain.Id(survivorId), "merged=" + AuditChain.Id(mergedId), ct);

    /// <summary>A conversation or a contact card was opened: one entry per user per object per <see cref="AuditOptions.ReadWindow"/>.</summary>
    public Task ReadAsync(string objectType, long objectId, CancellationToken ct = default)
    {
        var action = objectType == AuditObjects.Contact ? AuditActions.ContactRead : AuditActions.ConversationRead;
        return log.AppendAsync(new AuditRecord(actor.UserId, action, objectType, AuditChain.Id(objectId), actor.Ip), options.ReadWindow, ct);
    }
}

/// <summary>Okno:Audit:ReadWindowMinutes (default 10): how often a repeated opening of the same conversation is written again.</summary>
public sealed record AuditOptions(TimeSpan ReadWindow);

