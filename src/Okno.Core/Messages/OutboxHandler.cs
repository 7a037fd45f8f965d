using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Okno.Core.Channels;
using Okno.Core.Data;
using Okno.Core.Events;
using Okno.Core.Files;

namespace Okno.Core.Messages;

/// <summary>Works one claimed outbox row: a send through the connector, or a media download.</summary>
public sealed class OutboxHandler(OknoDbContext db, ChannelDirectory channels, ChannelConnectors connectors,
    IFileStore files, ILiveEvents bus, TimeProvider clock, ILogger<OutboxHandler> log, OutboxOptions options)
{
    public const int MaxAttempts = 10;
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    public Task HandleAsync(OutboxItem item, CancellationToken ct) => item.Kind switch
    {
        OutboxKind.Send => SendAsync(item, ct),
        OutboxKind.DownloadMedia => DownloadAsync(item, ct),
        _ => Task.CompletedTask,
    };

    private async Task SendAsync(OutboxItem item, CancellationToken ct)
    {
        var message = await db.Messages.Include(m => m.Attachments).FirstAsync(m => m.Id == item.MessageId, ct);
        if (message.Status != MessageStatus.Pending || message.ChannelAccountId is not { } accountId)
        {
            db.Outbox.Remove(item);
            await db.SaveChangesAsync(ct);
            return;
        }

        var channel = await channels.FindAsync(accountId, ct);
        var endpoint = await db.Endpoints.FirstOrDefaultAsync(e => e.ContactId == message.ContactId && e.ChannelAccountId == accountId, ct);
        DeliveryResult result;
        if (channel is null) result = DeliveryResult.Failed("Канал удалён или отключён.");
        else if (endpoint is null) result = DeliveryResult.Failed("Клиент недоступен через этот канал.");
        else result = await CallConnectorAsync(channel, await BuildAsync(item, message, endpoint.Address, ct), ct);

        await ApplyAsync(item, message, result, endpoint, ct);
    }

    private async Task<OutboundMessage> BuildAsync(OutboxItem item, Message message, string address, CancellationToken ct)
    {
        var thread = await db.Messages
            .Where(m => m.ConversationId == message.ConversationId && m.ChannelAccountId == message.ChannelAccountId && m.ExternalId != null && m.Id != message.Id)
            .OrderByDescending(m => m.Id).Select(m => m.ExternalId!).Take(20).ToListAsync(ct);
        return new OutboundMessage
        {
            MessageId = message.Id,
            OutboxId = item.Id,
            ConversationId = message.ConversationId,
            Address = address,
            Text = message.Text,
            Template = message.Template,
            ThreadExternalIds = thread,
            Attachments = message.Attachments.Select(a => new OutboundAttachment(a.FileName, a.ContentType, a.Size, null,
                a.StorageKey is { } key ? async c => await files.OpenAsync(key, c) ?? Stream.Null : null)).ToList(),
        };
    }

    private async Task<DeliveryResult> CallConnectorAsync(ChannelDirectory.Entry channel, OutboundMessage outbound, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(SendTimeout);
        try
        {
            return await connectors.For(channel.Ref.Kind).SendAsync(channel.Context, outbound, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return DeliveryResult.Retry("Платформа не ответила вовремя.");
        }
        catch (HttpRequestException ex)
        {
            log.LogWarning("Send of message {MessageId} hit a network error: {Error}", outbound.MessageId, ex.HttpRequestError);
            return DeliveryResult.Retry("Нет связи с платформой.");
        }
    }

    private async Task ApplyAsync(OutboxItem item, Message message, DeliveryResult result, Contacts.ContactEndpoint? endpoint, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var events = new List<OknoEvent>();
        Telemetry.OknoMetrics.Send(message.ChannelAccountId, result.Outcome.ToString().ToLowerInvariant());
        switch (result.Outcome)
        {
            case DeliveryOutcome.Sent:
                // The platform's echo of this very send may have been stored first (a VK message_reply can outrun
                // the API's answer, or the answer was lost and this is the retry): our message takes its place.
                if (result.ExternalId is { } externalId)
                    await db.Messages.Where(m => m.ChannelAccountId == message.ChannelAccountId && m.ExternalId == externalId
                        && m.Id != message.Id && m.Direction == MessageDirection.Outbound && m.AuthorId == null).ExecuteDeleteAsync(ct);
                message.MarkSent(result.ExternalId, now);
                db.Outbox.Remove(item);
                break;
            case DeliveryOutcome.Retry when item.Attempts + 1 < MaxAttempts:
                var wait = OutboxItem.Backoff(item.Attempts + 1);
                if (result.RetryAfter is { } after && after > wait) wait = after;
                item.RetryAt(now + wait, result.Reason ?? "retry");
                break;
            default:
                message.MarkFailed(result.Outcome == DeliveryOutcome.Retry
                    ? $"Не удалось отправить после {MaxAttempts} попыток: {result.Reason}"
                    : result.Reason ?? "Платформа отказала в отправке.");
                if (result.RecipientBlocked) endpoint?.SetBlocked(true);
                db.Outbox.Remove(item);
                break;
        }

        if (result.ChannelStatus is { } status && message.ChannelAccountId is { } accountId)
        {
            var account = await db.ChannelAccounts.FirstAsync(c => c.Id == accountId, ct);
            if (account.SetStatus(status, result.Reason, now)) events.Add(new ChannelStatusChanged(account.Id, status, result.Reason));
            channels.Invalidate(accountId);
        }

        await db.SaveChangesAsync(ct);
        if (message.Status != MessageStatus.Pending)
            events.Add(new MessageStatusChanged(message.ConversationId, message.Id, message.Status, message.Error));
        bus.PublishAll(events);
    }

    private async Task DownloadAsync(OutboxItem item, CancellationToken ct)
    {
        var attachment = await db.Attachments.FirstOrDefaultAsync(a => a.Id == item.AttachmentId, ct);
        var message = await db.Messages.FirstOrDefaultAsync(m => m.Id == item.MessageId, ct);
        var channel = message?.ChannelAccountId is { } id ? await channels.FindAsync(id, ct) : null;
        if (attachment?.SourceRef is null || channel is null || attachment.StorageKey is not null || attachment.TooLarge)
        {
            db.Outbox.Remove(item);
            await db.SaveChangesAsync(ct);
            return;
        }

        // Streamed to the file store under the channel's size cap, and the whole download under one deadline:
        // a huge file never sits in memory, a slow one never holds this worker for long.
        var cap = MediaCap(channel.Context);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.MediaDeadline);
        string? failure = null;
        try
        {
            var media = await connectors.For(channel.Ref.Kind).DownloadAsync(channel.Context, attachment.SourceRef, deadline.Token);
            if (media is null) failure = "download failed";
            else await using (media.Content)
            {
                if (media.Length > cap) throw new MediaTooLargeException(cap);
                await using var capped = new CappedStream(media.Content, cap);
                attachment.StorageKey = await files.SaveAsync(capped, media.FileName ?? attachment.FileName, deadline.Token);
                attachment.Size = capped.BytesRead;
                // The type recorded is what the stored bytes are, not what the sender declared (issue 10.1).
                var declared = attachment.ContentType == FileSniffer.Binary ? media.ContentType : attachment.ContentType;
                await using var stored = await files.OpenAsync(attachment.StorageKey, deadline.Token);
                attachment.ContentType = FileSniffer.Recorded(stored is null ? null : await FileSniffer.RasterImageAsync(stored, deadline.Token), declared);
            }
        }
        catch (MediaTooLargeException)
        {
            attachment.TooLarge = true; // shown as "open on the platform"; never retried
            log.LogInformation("Attachment {AttachmentId} is over the {Cap}-byte media limit: not stored", attachment.Id, cap);
        }
        catch (HttpRequestException ex)
        {
            failure = "download failed";
            log.LogWarning("Media download for attachment {AttachmentId} failed: {Error}", attachment.Id, ex.HttpRequestError);
        }
        catch (IOException ex)
        {
            failure = "download failed"; // the connection broke mid-body; the cut file was removed by the store
            log.LogWarning("Media download for attachment {AttachmentId} broke off: {Error}", attachment.Id, ex.GetType().Name);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            failure = "download too slow";
            log.LogWarning("Media download for attachment {AttachmentId} passed its {Seconds}-second deadline", attachment.Id, options.MediaDeadline.TotalSeconds);
        }

        if (failure is not null)
        {
            if (item.Attempts + 1 >= 5) db.Outbox.Remove(item);
            else item.RetryAt(clock.GetUtcNow() + OutboxItem.Backoff(item.Attempts + 1), failure);
            await db.SaveChangesAsync(ct);
            return;
        }
        db.Outbox.Remove(item);
        await db.SaveChangesAsync(ct);
        bus.Publish(new ConversationUpdated(message!.ConversationId, ConversationChange.Attachment));
    }

    /// <summary>The channel's "maxMediaMb" setting (1–2048), else the configured default.</summary>
    private long MediaCap(ChannelContext channel) =>
        int.TryParse(channel.Setting("maxMediaMb"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var mb) && mb is >= 1 and <= 2048
            ? mb * 1024L * 1024L : options.MediaMaxBytes;
}
