using Microsoft.EntityFrameworkCore;
using Okno.Core.Channels;
using Okno.Core.Data;

namespace Okno.Web.Channels;

/// <summary>Removes a channel (soft: its messages and the history stay) and tears it down at the platform.</summary>
public sealed class DeleteChannel(OknoDbContext db, ChannelDirectory directory, ChannelConnectors connectors, ChannelPollingService polling, Audit.AuditTrail audit)
{
    public async Task<bool> ExecuteAsync(Guid id, CancellationToken ct)
    {
        var account = await db.ChannelAccounts.FirstOrDefaultAsync(x => x.Id == id && !x.IsDeleted, ct);
        if (account is null) return false;
        // The settings are read from the row itself: after the delete the directory no longer finds the channel,
        // and teardown must not depend on whether it happened to be cached.
        var context = directory.ToEntry(account).Context;
        account.Delete();
        await db.SaveChangesAsync(ct);
        directory.Invalidate(id);
        await audit.RecordAsync(Okno.Core.Audit.AuditActions.ChannelDeleted, Okno.Core.Audit.AuditObjects.Channel, id.ToString(), null, ct);
        polling.Refresh();
        try { await connectors.For(account.Kind).TearDownAsync(context, CancellationToken.None); }
        catch (HttpRequestException) { /* the platform is unreachable: the channel is gone on our side anyway */ }
        return true;
    }
}
