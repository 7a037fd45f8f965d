using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;

namespace Okno.Core.Channels;

public sealed class ChannelStateStore(OknoDbContext db) : IChannelStateStore
{
    public async Task<string?> GetAsync(Guid channelAccountId, string key, CancellationToken ct) =>
        (await db.ChannelState.AsNoTracking().FirstOrDefaultAsync(s => s.ChannelAccountId == channelAccountId && s.Key == key, ct))?.Value;

    public async Task SetAsync(Guid channelAccountId, string key, string value, CancellationToken ct)
    {
        var entry = await db.ChannelState.FirstOrDefaultAsync(s => s.ChannelAccountId == channelAccountId && s.Key == key, ct);
        if (entry is null) db.ChannelState.Add(new ChannelStateEntry { ChannelAccountId = channelAccountId, Key = key, Value = value });
        else entry.Value = value;
        await db.SaveChangesAsync(ct);
    }
}
