using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Okno.Channels.Common;
using Okno.Core.Channels;

namespace Okno.Channels.Telegram;

public sealed partial class TelegramConnector
{
    public async Task<DeliveryResult> SendAsync(ChannelContext channel, OutboundMessage message, CancellationToken ct)
    {
        var client = http.CreateClient("telegram");
        var attachment = message.Attachments.FirstOrDefault(a => a.Open is not null);
        HttpResponseMessage response;
        if (attachment is null)
        {
            var body = new JsonObject { ["chat_id"] = message.Address, ["text"] = message.Text ?? "" };
            response = await client.PostAsJsonAsync(MethodUrl(channel, "sendMessage"), body, ct);
        }
        else
        {
            var isPhoto = attachment.ContentType.StartsWith("image/", StringComparison.Ordinal) && attachment.ContentType != "image/gif";
            var field = isPhoto ? "photo" : "document";
            using var form = new MultipartFormDataContent
            {
                { new StringContent(message.Address), "chat_id" },
            };
            if (!string.IsNullOrEmpty(message.Text)) form.Add(new StringContent(message.Text), "caption");
            var stream = await attachment.Open!(ct);
            var file = new StreamContent(stream);
            file.Headers.ContentType = new(attachment.ContentType);
            form.Add(file, field, attachment.FileName);
            response = await client.PostAsync(MethodUrl(channel, isPhoto ? "sendPhoto" : "sendDocument"), form, ct);
        }
        using (response) return await ReadResultAsync(response, message.Address, ct);
    }

    /// <summary>Bot API answers {"ok":true,"result":…} or {"ok":false,"error_code":…,"description":…,"parameters":{"retry_after":…}}.</summary>
    private static async Task<DeliveryResult> ReadResultAsync(HttpResponseMessage response, string chatId, CancellationToken ct)
    {
        JsonElement root;
        try { root = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)); }
        catch (JsonException) { return DeliveryResult.Retry($"Telegram answered HTTP {(int)response.StatusCode} without JSON."); }

        if (root.Prop("ok") is { ValueKind: JsonValueKind.True } && root.Prop("result") is { } result)
            return DeliveryResult.Sent($"{chatId}:{result.Str("message_id")}");

        var code = root.Long("error_code") ?? (int)response.StatusCode;
        var description = root.Str("description") ?? "";
        return code switch
        {
            429 => DeliveryResult.Retry("Telegram просит подождать (слишком много сообщений).",
                TimeSpan.FromSeconds(root.Prop("parameters")?.Long("retry_after") ?? 5)),
            403 when description.Contains("blocked", StringComparison.OrdinalIgnoreCase) =>
                DeliveryResult.Failed("Клиент заблокировал бота в Telegram.", recipientBlocked: true),
            403 when description.Contains("deactivated", StringComparison.OrdinalIgnoreCase) =>
                DeliveryResult.Failed("Аккаунт клиента в Telegram удалён.", recipientBlocked: true),
            403 => DeliveryResult.Failed("Telegram запретил отправку этому клиенту: " + description, recipientBlocked: true),
            401 =>
                DeliveryResult.Failed("Токен бота недействителен: проверьте настройки канала.", ChannelStatus.NeedsAttention),
            400 when description.Contains("chat not found", StringComparison.OrdinalIgnoreCase) =>
                DeliveryResult.Failed("Чат с клиентом не найден: клиент ещё не писал боту или удалил чат."),
            400 => DeliveryResult.Failed("Telegram отклонил сообщение: " + description),
            >= 500 => DeliveryResult.Retry($"Telegram временно недоступен ({code})."),
            _ => DeliveryResult.Failed($"Telegram: {code} {description}"),
        };
    }

    public async Task<MediaContent?> DownloadAsync(ChannelContext channel, string sourceRef, CancellationToken ct)
    {
        var client = http.CreateClient("telegram");
        using var info = await client.PostAsJsonAsync(MethodUrl(channel, "getFile"), new JsonObject { ["file_id"] = sourceRef }, ct);
        var root = await info.Content.ReadFromJsonAsync<JsonElement>(ct);
        if (root.Prop("result")?.Str("file_path") is not { } path) return null;
        var file = await client.GetAsync($"{ApiBase(channel)}/file/bot{channel.RequiredSetting("botToken")}/{path}", HttpCompletionOption.ResponseHeadersRead, ct);
        if (!file.IsSuccessStatusCode) { file.Dispose(); return null; }
        return new MediaContent(await file.Content.ReadAsStreamAsync(ct), file.Content.Headers.ContentType?.MediaType ?? "application/octet-stream", Path.GetFileName(path));
    }

    public async Task<SetupResult> SetUpAsync(ChannelContext channel, string webhookUrl, CancellationToken ct)
    {
        var client = http.CreateClient("telegram");
        var body = IsPolling(channel)
            ? new JsonObject { ["drop_pending_updates"] = false }
            : new JsonObject { ["url"] = webhookUrl, ["secret_token"] = channel.Setting("secretToken"), ["allowed_updates"] = new JsonArray("message", "edited_message") };
        try
        {
            using var response = await client.PostAsJsonAsync(MethodUrl(channel, IsPolling(channel) ? "deleteWebhook" : "setWebhook"), body, ct);
            var root = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            return root.Prop("ok") is { ValueKind: JsonValueKind.True } ? SetupResult.Ok()
                : SetupResult.Fail("Telegram: " + (root.Str("description") ?? $"HTTP {(int)response.StatusCode}"));
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException)
        {
            return SetupResult.Fail("Нет связи с Telegram: " + ex.GetType().Name);
        }
    }
}
