using Okno.Core.Channels;

namespace Okno.Channels.WhatsAppCloud;

/// <summary>
/// Cloud API error codes (https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes) in the words
/// an operator needs, and what the sender should do about each. Logic keys on the code, never on the title.
/// </summary>
public static class WhatsAppCloudErrors
{
    public static string Describe(long code, string? platformText) => code switch
    {
        131047 => "Прошло больше 24 часов с последнего сообщения клиента: WhatsApp примет только одобренный шаблон.",
        131026 => "Сообщение не доставлено: у номера нет WhatsApp, устаревшее приложение или клиент не принял условия WhatsApp.",
        131049 => "WhatsApp не доставил маркетинговое сообщение: лимит сообщений этому клиенту.",
        131050 => "Клиент отписался от маркетинговых сообщений.",
        131051 => "Этот тип сообщения WhatsApp не поддерживает.",
        131052 or 131053 => "WhatsApp не смог загрузить вложение.",
        130429 or 131056 or 80007 => "WhatsApp ограничил частоту отправки: сообщение будет отправлено позже.",
        190 => "Токен доступа WhatsApp недействителен или истёк: обновите его в настройках канала.",
        131031 => "Аккаунт WhatsApp Business заблокирован или ограничен Meta.",
        131062 => "Этот тип сообщения нельзя отправить клиенту, скрывшему номер (только по имени пользователя).",
        132000 or 132001 or 132005 or 132007 or 132012 or 132015 or 132016 => "Шаблон не найден, не одобрен или заполнен неверно: " + platformText,
        _ => "WhatsApp не доставил сообщение" + (string.IsNullOrEmpty(platformText) ? "." : $": {platformText} (код {code})."),
    };

    /// <summary>A synchronous Graph API error of a send → what the outbox should do.</summary>
    public static DeliveryResult ToResult(int httpStatus, long code, string? message, string? details)
    {
        var text = details ?? message;
        return code switch
        {
            130429 => DeliveryResult.Retry(Describe(code, text)), // throughput: the outbox backs off 2, 4, 8… s
            131056 => DeliveryResult.Retry(Describe(code, text), TimeSpan.FromSeconds(6)), // pair rate: ~1 message per 6 s
            80007 => DeliveryResult.Retry(Describe(code, text), TimeSpan.FromSeconds(60)),
            131047 or 131026 or 131062 or 131049 or 131050 or 131051 or 131052 or 131053 => DeliveryResult.Failed(Describe(code, text)),
            190 => DeliveryResult.Failed(Describe(code, text), ChannelStatus.NeedsAttention),
            10 or 200 or 131005 => DeliveryResult.Failed("У токена нет прав на отправку от этого номера: проверьте настройки приложения Meta.", ChannelStatus.NeedsAttention),
            131031 => DeliveryResult.Failed(Describe(code, text), ChannelStatus.Blocked),
            1 or 2 or 131000 or 131016 => DeliveryResult.Retry($"WhatsApp временно недоступен (код {code})."),
            _ when httpStatus == 401 => DeliveryResult.Failed(Describe(190, text), ChannelStatus.NeedsAttention),
            _ when httpStatus == 429 => DeliveryResult.Retry(Describe(130429, text), TimeSpan.FromSeconds(10)),
            _ when httpStatus >= 500 => DeliveryResult.Retry($"WhatsApp временно недоступен ({httpStatus})."),
            _ => DeliveryResult.Failed(Describe(code, text)),
        };
    }
}
