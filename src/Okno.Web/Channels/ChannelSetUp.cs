using Okno.Core.Channels;
using Okno.Core.Data;

namespace Okno.Web.Channels;

/// <summary>Registers the webhook with the platform; a failure is recorded as the channel's status, not an error.</summary>
public sealed class ChannelSetUp(OknoDbContext db, ChannelDirectory directory, ChannelConnectors connectors, ChannelPollingService polling, TimeProvider clock)
{
    public static string WebhookUrl(string publicUrl, Guid id) => $"{publicUrl.TrimEnd('/')}/webhooks/{id}";

    public async Task RunAsync(ChannelAccount account, string publicUrl, CancellationToken ct)
    {
        var entry = directory.ToEntry(account);
        var result = await connectors.For(account.Kind).SetUpAsync(entry.Context, WebhookUrl(publicUrl, account.Id), ct);
        account.SetStatus(result.Success ? ChannelStatus.Connected : ChannelStatus.NeedsAttention, result.Error, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        directory.Invalidate(account.Id);
        polling.Refresh();
    }
}
