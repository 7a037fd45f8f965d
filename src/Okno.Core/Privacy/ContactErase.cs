using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Events;
using Okno.Core.Files;

namespace Okno.Core.Privacy;

public sealed record EraseResult(long ContactId, int Conversations, int Messages, int Files, int Identities, int Notes, int Labels, int Logs);

/// <summary>A legal hold on the contact or one of its conversations: nothing is erased (409).</summary>
public sealed class ContactHeldException(long holdId) : Exception("Данные клиента нельзя удалить: действует запрет на удаление (legal hold №" + holdId + "). Снимите его, если основание отпало.")
{
    public long HoldId { get; } = holdId;
}

/// <summary>
/// A data subject's erasure (152-ФЗ, art. 21): the client's personal data goes — name, identities, addresses, notes,
/// labels, every message text and file, conversation previews and the identifying part of source details, the search index, and rows
/// elsewhere that hold one of their identifiers (dedupe keys, channel state, outgoing-webhook bodies, review comments). What statistics
/// need stays without identity: the contact and conversation rows (times, status, outcome), every message as an
/// empty record (direction, kind, times, status), consents (proof of a lawful basis, by id only) and the audit (ids only).
/// </summary>
public sealed class ContactErase(OknoDbContext db, IFileStore files, TimeProvider clock, ILiveEvents bus, Reports.RequestMetricsQueue metrics)
{
    public const string Erased = "[удалено по запросу клиента]";
    private const int Chunk = 500;
    /// <summary>Shorter identifiers would match unrelated log rows.</summary>
    private const int MinNeedle = 4;

    public async Task<EraseResult> ExecuteAsync(long contactId, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contactId && c.MergedIntoId == null, ct)
            ?? throw new NotFoundException("Клиент не найден.");
        var now = clock.GetUtcNow();
        var sqlite = db.Database.IsSqlite();
        var keys = new List<string>();
        EraseResult result;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // Deleted pages are zeroed, not left for a file reader to find.
            if (sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete = ON", ct);
            var contactIds = await WithMergedAsync(contact.Id, ct);
            var conversationIds = await db.Conversations.Where(c => contactIds.Contains(c.ContactId)).Select(c => c.Id).ToListAsync(ct);
            var hold = await db.LegalHolds.AsNoTracking().Where(h => h.ReleasedAt == null
                && ((h.ContactId != null && contactIds.Contains(h.ContactId.Value)) || (h.ConversationId != null && conversationIds.Contains(h.ConversationId.Value))))
                .OrderBy(h => h.Id).Select(h => (long?)h.Id).FirstOrDefaultAsync(ct);
            if (hold is { } holdId) throw new ContactHeldException(holdId);

            var needles = await NeedlesAsync(contactIds, ct);
            var messageIds = await db.Messages.Where(m => contactIds.Contains(m.ContactId) || conversationIds.Contains(m.ConversationId)).Select(m => m.Id).ToListAsync(ct);
            foreach (var chunk in messageIds.Chunk(Chunk))
            {
                keys.AddRange(await db.Attachments.Where(a => chunk.Contains(a.MessageId) && a.StorageKey != null).Select(a => a.StorageKey!).ToListAsync(ct));
                await db.Attachments.Where(a => chunk.Contains(a.MessageId)).ExecuteDeleteAsync(ct);
                await db.Outbox.Where(o => chunk.Contains(o.MessageId)).ExecuteDeleteAsync(ct);
                await db.QualityViolations.Where(v => chunk.Contains(v.MessageId) && v.Rule == Quality.QualityRule.PhoneNumber)
                    .ExecuteUpdateAsync(s => s.SetProperty(v => v.Phrase, ""), ct);
                await db.Messages.Where(m => chunk.Contains(m.Id)).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Text, m => m.Text == null ? null : Erased).SetProperty(m => m.Template, (string?)null)
                    .SetProperty(m => m.Error, (string?)null).SetProperty(m => m.ExternalId, (string?)null), ct);
                await RemoveFromSearchAsync(chunk, sqlite, ct);
            }
            foreach (var chunk in conversationIds.Chunk(Chunk))
            {
                await db.Conversations.Where(c => chunk.Contains(c.Id)).ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.LastMessagePreview, (string?)null).SetProperty(c => c.HandOffComment, (string?)null), ct);
                var sources = await db.Conversations.Where(c => chunk.Contains(c.Id) && c.SourceDetails != null).Select(c => new { c.Id, c.SourceDetails }).ToListAsync(ct);
                foreach (var source in sources)
                {
                    var kept = LeadSourceOnly(source.SourceDetails);
                    await db.Conversations.Where(c => c.Id == source.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.SourceDetails, kept), ct);
                }
            }
            foreach (var chunk in conversationIds.Chunk(Chunk))
                await db.RequestMetrics.Where(m => chunk.Contains(m.ConversationId)).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Page, (string?)null).SetProperty(m => m.Referrer, (string?)null), ct);
            var identities = await db.Identities.Where(i => contactIds.Contains(i.ContactId)).ExecuteDeleteAsync(ct);
            await db.Endpoints.Where(e => contactIds.Contains(e.ContactId)).ExecuteDeleteAsync(ct);
            var notes = await db.ContactNotes.Where(n => contactIds.Contains(n.ContactId)).ExecuteDeleteAsync(ct);
            var labels = await db.ContactLabels.Where(l => contactIds.Contains(l.ContactId)).ExecuteDeleteAsync(ct);
            var logs = await RemoveLogRowsAsync(needles, contactIds, conversationIds, ct);
            foreach (var c in await db.Contacts.Where(c => contactIds.Contains(c.Id)).ToListAsync(ct)) c.Erase(now);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            result = new EraseResult(contact.Id, conversationIds.Count, messageIds.Count, keys.Count, identities, notes, labels, logs);
            foreach (var id in conversationIds)
            {
                metrics.Mark(id); // the report row is recomputed from what is left (it copied page, referrer, the contact's name)
                bus.Publish(new ConversationUpdated(id, ConversationChange.Edited));
            }
        }
        // FTS5 keeps deleted terms in its segments until they are merged: merge now, so no stem of the client stays.
        if (sqlite) await db.Database.ExecuteSqlRawAsync("""INSERT INTO "SearchFts" ("SearchFts") VALUES ('optimize')""", ct);
        foreach (var key in keys) await files.DeleteAsync(key, ct);
        return result;
    }

    /// <summary>Marketing tags that say nothing about the person; pages and referrers keep only host and path (a query may carry the client's data).</summary>
    private static readonly string[] LeadKeys = ["channel", "utm_source", "utm_medium", "utm_campaign", "itemId", "payload", "offline", "verifiedUser"];

    /// <summary>
    /// What reports group requests by (<see cref="Reports.LeadSource"/>) without what identifies the client: the source
    /// details keep UTM source / medium / campaign, the Avito item, the start payload and the page's host and path.
    /// </summary>
    public static string? LeadSourceOnly(string? sourceDetails)
    {
        if (string.IsNullOrWhiteSpace(sourceDetails)) return null;
        System.Text.Json.Nodes.JsonObject? json;
        try { json = System.Text.Json.Nodes.JsonNode.Parse(sourceDetails) as System.Text.Json.Nodes.JsonObject; }
        catch (System.Text.Json.JsonException) { return null; }
        if (json is null) return null;
        var kept = new System.Text.Json.Nodes.JsonObject();
        foreach (var key in LeadKeys) if (json[key] is { } v) kept[key] = v.DeepClone();
        if (json["pageUrl"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && Uri.TryCreate(json["pageUrl"]!.GetValue<string>(), UriKind.Absolute, out var page))
            kept["pageUrl"] = page.GetLeftPart(UriPartial.Path);
        if (json["referrer"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && Uri.TryCreate(json["referrer"]!.GetValue<string>(), UriKind.Absolute, out var referrer))
            kept["referrer"] = referrer.GetLeftPart(UriPartial.Authority);
        return kept.Count == 0 ? null : kept.ToJsonString();
    }

    /// <summary>The contact and every contact merged into it (their rows still hold the name they had).</summary>
    private async Task<List<long>> WithMergedAsync(long contactId, CancellationToken ct)
    {
        var all = new List<long> { contactId };
        var frontier = new List<long> { contactId };
        while (frontier.Count > 0)
        {
            frontier = await db.Contacts.Where(c => c.MergedIntoId != null && frontier.Contains(c.MergedIntoId.Value) && !all.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
            all.AddRange(frontier);
        }
        return all;
    }

    /// <summary>What identifies the client in free-form rows: names, identity values, reply addresses.</summary>
    private async Task<List<string>> NeedlesAsync(List<long> contactIds, CancellationToken ct)
    {
        var names = await db.Contacts.Where(c => contactIds.Contains(c.Id) && c.Name != null).Select(c => c.Name!).ToListAsync(ct);
        var values = await db.Identities.Where(i => contactIds.Contains(i.ContactId)).Select(i => i.Value).ToListAsync(ct);
        var addresses = await db.Endpoints.Where(e => contactIds.Contains(e.ContactId)).Select(e => e.Address).ToListAsync(ct);
        return names.Concat(values).Concat(addresses).Where(n => n.Length >= MinNeedle).Distinct(StringComparer.Ordinal).ToList();
    }

    private async Task RemoveFromSearchAsync(long[] messageIds, bool sqlite, CancellationToken ct)
    {
        if (sqlite)
            foreach (var id in messageIds) await db.Database.ExecuteSqlAsync($"""DELETE FROM "SearchFts" WHERE rowid = {id}""", ct);
        else
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "SearchDocuments" WHERE "MessageId" = ANY({messageIds})""", ct);
    }

    /// <summary>
    /// Rows that name the client outside their own tables: platform dedupe keys and channel state (an e-mail channel keys
    /// the reply subject by address), and outgoing-webhook deliveries about the client (their bodies carry names,
    /// texts, addresses) with their attempts.
    /// </summary>
    private async Task<int> RemoveLogRowsAsync(List<string> needles, List<long> contactIds, List<long> conversationIds, CancellationToken ct)
    {
        var removed = 0;
        var marks = contactIds.SelectMany(id => new[] { $"\"contactId\":{id},", $"\"contactId\":{id}}}" })
            .Concat(conversationIds.SelectMany(id => new[] { $"\"conversationId\":{id},", $"\"conversationId\":{id}}}" })).ToList();
        foreach (var n in needles)
        {
            // A reviewer's comment on the client's conversation that names them: the score stays, the comment goes.
            removed += await db.Reviews.Where(r => conversationIds.Contains(r.ConversationId) && r.Comment != null && r.Comment.Contains(n))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Comment, (string?)null), ct);
            removed += await db.TargetAudits.Where(a => conversationIds.Contains(a.ConversationId) && a.Comment != null && a.Comment.Contains(n))
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Comment, (string?)null), ct);
            removed += await db.ProcessedEvents.Where(p => p.Key.Contains(n)).ExecuteDeleteAsync(ct);
            removed += await db.ChannelState.Where(s => s.Key.Contains(n) || s.Value.Contains(n)).ExecuteDeleteAsync(ct);
        }
        foreach (var mark in needles.Concat(marks))
        {
            var deliveries = db.WebhookDeliveries.Where(d => d.Body.Contains(mark)).Select(d => d.Id);
            await db.WebhookAttempts.Where(a => deliveries.Contains(a.DeliveryId)).ExecuteDeleteAsync(ct);
            removed += await db.WebhookDeliveries.Where(d => d.Body.Contains(mark)).ExecuteDeleteAsync(ct);
        }
        return removed;
    }
}
