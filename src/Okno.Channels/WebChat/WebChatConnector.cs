using System.Text.Json.Nodes;
using Okno.Channels.Common;
using Okno.Core.Channels;
using Okno.Core.Files;

namespace Okno.Channels.WebChat;

/// <summary>
/// The chat on the firm's own site. Visitors write through the widget endpoints (/api/widget/{channelId}/…),
/// which feed the same ingest pipeline as webhooks; an operator's reply is "sent" by handing it to the
/// visitor's open widgets (server-sent events) — the widget also reads it back from the history.
/// </summary>
public sealed class WebChatConnector(WebChatSignals signals, IFileStore files, TimeProvider clock) : IChannelConnector
{
    /// <summary>SourceRef prefix of a visitor's upload, already in our file store.</summary>
    public const string UploadRef = "upload:";

    public ChannelDescriptor Descriptor => WebChatChannel.Descriptor;

    /// <summary>Platform id of a visitor's message: the visitor's id, then the id the widget generated.</summary>
    public static string InboundId(string visitorId, string clientId) => $"{visitorId}:in:{clientId}";

    public static string OutboundId(string visitorId, long messageId) => $"{visitorId}:out:{messageId}";

    /// <summary>Every message of one visitor on the channel starts with this (their history is one index range).</summary>
    public static string VisitorPrefix(string visitorId) => visitorId + ":";

    public IReadOnlyDictionary<string, string> ValidateSettings(JsonObject settings)
    {
        var errors = new Dictionary<string, string>();
        var origins = WebChatSettings.Origins(settings).ToList();
        if (origins.Count == 0) errors["allowedOrigins"] = "Укажите хотя бы один адрес сайта, например https://firm.ru.";
        else if (origins.FirstOrDefault(o => WebChatSettings.NormalizeOrigin(o) is null) is { } bad)
            errors["allowedOrigins"] = $"«{bad}» — не адрес сайта: нужен вид https://firm.ru (без пути).";
        if (settings["color"] is { } color && !(color is JsonValue cv && cv.TryGetValue<string>(out var c) && WebChatSettings.IsColor(c)))
            errors["color"] = "Цвет в виде #1f5fbf.";
        if (settings["preChatForm"] is { } pre && !(pre is JsonValue pv && pv.TryGetValue<bool>(out _)))
            errors["preChatForm"] = "true или false.";
        if (settings["maxUploadMb"] is { } max && !(max is JsonValue mv && mv.TryGetValue<int>(out var mb) && mb is >= 1 and <= WebChatSettings.LimitMaxUploadMb))
            errors["maxUploadMb"] = $"Число от 1 до {WebChatSettings.LimitMaxUploadMb}.";
        if (settings["businessHours"] is JsonValue hv && hv.TryGetValue<string>(out var hours) && hours.Length > 0 && !BusinessHours.TryParse(hours, out _))
            errors["businessHours"] = "Формат: Mon-Fri 09:00-18:00 Europe/Moscow.";
        if (settings["hmacSecret"] is JsonValue sv && sv.TryGetValue<string>(out var secret) && secret.Length is > 0 and < 16)
            errors["hmacSecret"] = "Секрет не короче 16 символов.";
        foreach (var name in new[] { "title", "greeting", "consentText" })
            if (settings[name] is JsonValue tv && tv.TryGetValue<string>(out var text) && text.Length > 500)
                errors[name] = "Не длиннее 500 символов.";
        return errors;
    }

    /// <summary>The widget has its own endpoints; nothing is posted to the webhook door.</summary>
    public Task<WebhookOutcome> ReadWebhookAsync(ChannelContext channel, WebhookRequest request, CancellationToken ct) =>
        Task.FromResult<WebhookOutcome>(new WebhookOutcome.Rejected(404, "Web chat receives messages through /api/widget."));

    public Task<DeliveryResult> SendAsync(ChannelContext channel, OutboundMessage message, CancellationToken ct)
    {
        var visitorId = message.Address;
        signals.Publish(channel.Id, visitorId, new WebChatPush(message.MessageId, "out", message.Text, clock.GetUtcNow(),
            message.Attachments.Select(a => a.FileName).ToList()));
        return Task.FromResult(DeliveryResult.Sent(OutboundId(visitorId, message.MessageId)));
    }

    public async Task<MediaContent?> DownloadAsync(ChannelContext channel, string sourceRef, CancellationToken ct)
    {
        if (!sourceRef.StartsWith(UploadRef, StringComparison.Ordinal)) return null;
        var stream = await files.OpenAsync(sourceRef[UploadRef.Length..], ct);
        return stream is null ? null : new MediaContent(stream, "application/octet-stream", null);
    }
}
