using Microsoft.EntityFrameworkCore;
using Okno.Core.Channels;
using Okno.Core.Data;

namespace Okno.Web.Demo;

/// <summary>Removes everything demo mode created: demo channels, contacts, conversations and their messages.</summary>
public sealed class DemoCleanup(OknoDbContext db, ChannelDirectory directory)
{
    public sealed record Removed(int Channels, int Contacts, int Conversations, int Messages);

    public async Task<Removed> DeleteAllAsync(CancellationToken ct)
    {
        var channelIds = await db.ChannelAccounts.Where(a => a.IsDemo).Select(a => a.Id).ToListAsync(ct);
        var contactIds = await db.Contacts.Where(c => c.IsDemo).Select(c => c.Id).ToListAsync(ct);
        var conversationIds = await db.Conversations.Where(c => c.IsDemo || contactIds.Contains(c.ContactId)).Select(c => c.Id).ToListAsync(ct);
        var messageIds = await db.Messages
            .Where(m => conversationIds.Contains(m.ConversationId) || contactIds.Contains(m.ContactId)
                || (m.ChannelAccountId != null && channelIds.Contains(m.ChannelAccountId.Value)))
            .Select(m => m.Id).ToListAsync(ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var chunk in messageIds.Chunk(500))
        {
            await db.Outbox.Where(o => chunk.Contains(o.MessageId)).ExecuteDeleteAsync(ct);
            await db.Attachments.Where(a => chunk.Contains(a.MessageId)).ExecuteDeleteAsync(ct);
            await db.Messages.Where(m => chunk.Contains(m.Id)).ExecuteDeleteAsync(ct);
        }
        var conversations = await db.Conversations.Where(c => conversationIds.Contains(c.Id)).ExecuteDeleteAsync(ct);
        await db.Endpoints.Where(e => contactIds.Contains(e.ContactId) || channelIds.Contains(e.ChannelAccountId)).ExecuteDeleteAsync(ct);
        await db.Identities.Where(i => contactIds.Contains(i.ContactId)).ExecuteDeleteAsync(ct);
        await db.ContactMerges.Where(m => contactIds.Contains(m.SurvivorId) || contactIds.Contains(m.MergedId)).ExecuteDeleteAsync(ct);
        var contacts = await db.Contacts.Where(c => contactIds.Contains(c.Id)).ExecuteDeleteAsync(ct);
        await db.ProcessedEvents.Where(p => channelIds.Contains(p.ChannelAccountId)).ExecuteDeleteAsync(ct);
        await db.ChannelState.Where(s => channelIds.Contains(s.ChannelAccountId)).ExecuteDeleteAsync(ct);
        var channels = await db.ChannelAccounts.Where(a => channelIds.Contains(a.Id)).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);

        foreach (var id in channelIds) directory.Invalidate(id);
        return new Removed(channels, contacts, conversations, messageIds.Count);
    }
}
