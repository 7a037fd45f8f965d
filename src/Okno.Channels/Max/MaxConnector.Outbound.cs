using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Okno.Channels.Common;
using Okno.Core.Channels;

namespace Okno.Channels.Max;

public sealed partial class MaxConnector
{
    public const int MaxMessageLength = 4000;

    public async Task<DeliveryResult> SendAsync(ChannelContext channel, OutboundMessage message, CancellationToken ct)
    {
        // Files go through the platform's upload servers first; not built yet — said plainly, never silently dropped.
        if (message.Attachments.Count > 0)
            return DeliveryResult.Failed("Отправка файлов в MAX пока не поддерживается: отправьте текст отдельно.");
        var text = message.Text ?? "";
        if (text.Length > MaxMessageLength) return DeliveryResult.Failed($"MAX принимает до {MaxMessageLength} символов в сообщении.");
        if (!long.TryParse(message.Address, out _)) return DeliveryResult.Failed("Неверный адрес клиента в MAX.");

        var client = Client(channel);
        using var response = await client.PostAsJsonAsync($"{ApiBase(channel)}/messages?user_id={message.Address}", new JsonObject { ["text"] = text }, ct);
        JsonElement root = default;
        try { root = await response.Content.ReadFromJsonAsync<JsonElement>(ct); }
        catch (Exception ex) when (ex is JsonException or NotSupportedException) { /* an error page without JSON: judged by the status below */ }

        if (response.IsSuccessStatusCode && root.ValueKind == JsonValueKind.Object && root.Prop("message")?.Prop("body")?.Str("mid") is { } mid)
            return DeliveryResult.Sent(mid);
        return MapError(response, root.ValueKind == JsonValueKind.Object ? root.Str("code") : null, root.ValueKind == JsonValueKind.Object ? root.Str("message") : null, clock.GetUtcNow());
    }

    /// <summary>HTTP statuses and {code, message} from the schema: 403 = the user stopped the bot or no access.</summary>
    public static DeliveryResult MapError(HttpResponseMessage response, string? code, string? description, DateTimeOffset now)
    {
        var status = (int)response.StatusCode;
        var detail = $"{code} {description}".Trim();
        return status switch
        {
            403 => DeliveryResult.Failed("Клиент остановил бота в MAX или запретил ему писать.", recipientBlocked: true),
            401 => DeliveryResult.Failed("Токен бота MAX недействителен: проверьте настройки канала.", ChannelStatus.NeedsAttention),
            429 => DeliveryResult.Retry("MAX просит подождать (слишком много запросов).", RetryAfter(response, now) ?? TimeSpan.FromSeconds(5)),
            >= 500 => DeliveryResult.Retry($"MAX временно недоступен ({status}).", RetryAfter(response, now)),
            404 => DeliveryResult.Failed("Чат с клиентом в MAX не найден."),
            _ => DeliveryResult.Failed($"MAX отказал в отправке ({status}): {detail}".TrimEnd(' ', ':')),
        };
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - now is { } d && d > TimeSpan.Zero ? d : TimeSpan.Zero,
        _ => null,
    };

    public async Task<MediaContent?> DownloadAsync(ChannelContext channel, string sourceRef, CancellationToken ct)
    {
        return await MediaFetcher.GetAsync(http, channel, sourceRef, ApiBase(channel), MediaHosts, null, "application/octet-stream", ct);
    }

    /// <summary>POST /subscriptions {url, update_types, secret}: MAX then posts updates with the secret header.</summary>
    public async Task<SetupResult> SetUpAsync(ChannelContext channel, string webhookUrl, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["url"] = webhookUrl,
            ["update_types"] = new JsonArray(UpdateTypes.Select(t => (JsonNode)t).ToArray()),
            ["secret"] = channel.RequiredSetting("webhookSecret"),
        };
        try
        {
            using var response = await Client(channel).PostAsJsonAsync($"{ApiBase(channel)}/subscriptions", body, ct);
            var root = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            if (response.IsSuccessStatusCode && root.Prop("success") is { ValueKind: JsonValueKind.True }) return SetupResult.Ok();
            if (response.StatusCode == HttpStatusCode.Unauthorized) return SetupResult.Fail("Токен бота MAX недействителен.");
            return SetupResult.Fail("MAX: " + (root.Str("message") ?? $"HTTP {(int)response.StatusCode}"));
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException)
        {
            return SetupResult.Fail("Нет связи с MAX: " + ex.GetType().Name);
        }
    }
}
