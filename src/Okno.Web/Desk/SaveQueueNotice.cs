using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Desk;

namespace Okno.Web.Desk;

/// <summary>Reads and sets the per-channel queue message — for the API and the teams screen alike.</summary>
public sealed class SaveQueueNotice(OknoDbContext db, TimeProvider clock, DeskSignal signal)
{
    public async Task<List<QueueMessageDto>> ListAsync(CancellationToken ct)
    {
        var channels = await db.ChannelAccounts.AsNoTracking().Where(c => !c.IsDeleted).OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var rows = await db.QueueNotices.AsNoTracking().ToDictionaryAsync(n => n.ChannelAccountId, ct);
        return channels.Select(c => rows.TryGetValue(c.Id, out var n) ? new QueueMessageDto(c.Id, c.Name, n.Enabled, n.Text)
            : new QueueMessageDto(c.Id, c.Name, false, ChannelQueueNotice.DefaultText)).ToList();
    }

    public async Task<DeskChange<QueueMessageDto>> ExecuteAsync(Guid channelId, JsonObject? body, CancellationToken ct)
    {
        var channel = await db.ChannelAccounts.FirstOrDefaultAsync(c => c.Id == channelId && !c.IsDeleted, ct);
        if (channel is null) return DeskChange.Missing<QueueMessageDto>();
        var row = await db.QueueNotices.FirstOrDefaultAsync(n => n.ChannelAccountId == channelId, ct);
        var input = new JsonInput(body);
        var enabled = input.Bool("enabled") ?? row?.Enabled ?? false;
        if (!input.Has("enabled") && input.Ok) input.Error("enabled", "Обязательное поле: true или false.");
        var text = input.String("text", ChannelQueueNotice.MaxTextLength) ?? row?.Text ?? ChannelQueueNotice.DefaultText;
        if (input.Ok && enabled && text.Length == 0) input.Error("text", "Текст сообщения не может быть пустым.");
        if (!input.Ok) return DeskChange.Invalid<QueueMessageDto>(input);
        if (row is null) db.QueueNotices.Add(row = new ChannelQueueNotice(channelId));
        row.Set(enabled, text, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        signal.Poke();
        return DeskChange.Done(new QueueMessageDto(channelId, channel.Name, row.Enabled, row.Text));
    }
}
