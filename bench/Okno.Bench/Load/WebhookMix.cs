using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Okno.Bench.Server;
using Okno.Simulators.Telegram;

namespace Okno.Bench.Load;

/// <summary>
/// A realistic inbound mix: 20 % new clients, 60 % returning clients, 10 % photos, 5 % edits (Telegram) or
/// delivery receipts (WhatsApp Cloud), ~5 % redeliveries of a webhook already sent (same update id / wamid).
/// With a WhatsApp Cloud channel half of the traffic is WhatsApp (signed with X-Hub-Signature-256).
/// Correlation key = the message's ExternalId as the connector stores it ("chatId:messageId" for Telegram, the wamid for WhatsApp).
/// </summary>
public sealed class WebhookMix(OknoApi.Channel telegram, OknoApi.Channel? whatsApp, TelegramSimulator? sim, int seed = 42)
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Repeat((byte)0x42, 3000), 0xFF, 0xD9];
    private readonly Random _random = new(seed);
    private readonly List<long> _tgUsers = [];
    private readonly List<long> _waUsers = [];
    private readonly Shot?[] _recent = new Shot?[4096];
    private readonly (long User, long MessageId)[] _recentTg = new (long, long)[4096];
    private readonly string[] _recentWamids = new string[4096];
    private long _seq;
    private long _nextUser = 1_000_000 + (seed * 10_000_000L);
    private readonly long _updateBase = 50_000_000 + (seed * 100_000_000L);
    private readonly Lock _lock = new();

    public Shot Next()
    {
        lock (_lock)
        {
            var n = ++_seq;
            var r = _random.NextDouble();
            if (r < 0.05 && n > 100) return Redeliver(n);
            var wa = whatsApp is not null && _random.Next(2) == 0;
            var shot = wa ? NextWhatsApp(n, r) : NextTelegram(n, r);
            _recent[n % _recent.Length] = shot;
            return shot;
        }
    }

    private Shot Redeliver(long n)
    {
        for (var i = 0; i < 10; i++)
        {
            var s = _recent[_random.Next((int)Math.Min(n - 1, _recent.Length))];
            if (s is not null) return s with { Kind = ShotKind.Redelivery, CorrelationKey = null };
        }
        return NextTelegram(n, 0.9);
    }

    private long PickUser(List<long> users, bool fresh)
    {
        if (fresh || users.Count == 0)
        {
            var u = ++_nextUser;
            users.Add(u);
            return u;
        }
        return users[_random.Next(users.Count)];
    }

    private Shot NextTelegram(long n, double r)
    {
        var updateId = _updateBase + n;
        if (r < 0.10 && n > 100)
        {
            var (user, messageId) = _recentTg[_random.Next((int)Math.Min(n - 1, _recentTg.Length))];
            if (user != 0) return Telegram(ShotKind.Edit, TelegramJson(updateId, user, messageId, "Исправленный текст " + n, edited: true), null);
        }
        if (r < 0.20 && sim is not null)
        {
            var user = PickUser(_tgUsers, _random.NextDouble() < 0.3);
            var update = sim.PhotoUpdate(user, "Фото документа " + n, Jpeg);
            update["update_id"] = updateId;
            var messageId = update["message"]!["message_id"]!.GetValue<long>();
            _recentTg[n % _recentTg.Length] = (user, messageId);
            return Telegram(ShotKind.Photo, Encoding.UTF8.GetBytes(update.ToJsonString()), $"{user}:{messageId}");
        }
        var isNew = r < 0.40;
        var u = PickUser(_tgUsers, isNew);
        var mid = 10_000_000 + n;
        _recentTg[n % _recentTg.Length] = (u, mid);
        var text = isNew ? $"Здравствуйте! Нужна консультация по договору аренды, обращение {n}" : $"Добрый день, дополняю вопрос: сообщение {n}";
        return Telegram(isNew ? ShotKind.NewClient : ShotKind.Returning, TelegramJson(updateId, u, mid, text, edited: false), $"{u}:{mid}");
    }

    private Shot Telegram(ShotKind kind, byte[] body, string? key) =>
        new(kind, $"/webhooks/{telegram.Id}", body, "X-Telegram-Bot-Api-Secret-Token", telegram.Secret, key);

    private static byte[] TelegramJson(long updateId, long user, long messageId, string text, bool edited)
    {
        var date = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var field = edited ? "edited_message" : "message";
        var extra = edited ? $",\"edit_date\":{date}" : "";
        var json = "{\"update_id\":" + updateId + ",\"" + field + "\":{\"message_id\":" + messageId
            + ",\"from\":{\"id\":" + user + ",\"is_bot\":false,\"first_name\":\"Клиент\",\"last_name\":\"" + user + "\",\"language_code\":\"ru\"}"
            + ",\"chat\":{\"id\":" + user + ",\"type\":\"private\",\"first_name\":\"Клиент\"},\"date\":" + date + extra
            + ",\"text\":" + JsonSerializer.Serialize(text) + "}}";
        return Encoding.UTF8.GetBytes(json);
    }

    private Shot NextWhatsApp(long n, double r)
    {
        var wa = whatsApp!;
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        string value;
        string? key = null;
        var kind = ShotKind.Returning;
        if (r < 0.10 && n > 100 && _recentWamids[_random.Next((int)Math.Min(n - 1, _recentWamids.Length))] is { } earlier)
        {
            kind = ShotKind.Receipt;
            value = $$"""{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"100000000000001"},"statuses":[{"id":"{{earlier}}.out","status":"delivered","timestamp":"{{ts}}","recipient_id":"7916{{(_nextUser % 10_000_000):D7}}"}]}""";
        }
        else
        {
            var isNew = r < 0.40;
            var user = PickUser(_waUsers, isNew || r < 0.13);
            var phone = "7916" + (user % 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
            var wamid = $"wamid.BENCH{_updateBase + n}";
            _recentWamids[n % _recentWamids.Length] = wamid;
            key = wamid;
            string content;
            if (r < 0.20)
            {
                kind = ShotKind.Photo;
                content = "\"type\":\"image\",\"image\":{\"id\":\"media" + n + "\",\"mime_type\":\"image/jpeg\",\"sha256\":\"abc\",\"caption\":\"Фото " + n + "\"}";
            }
            else
            {
                kind = isNew ? ShotKind.NewClient : ShotKind.Returning;
                content = "\"type\":\"text\",\"text\":{\"body\":\"Вопрос по наследству, сообщение " + n + "\"}";
            }
            value = $$$"""{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"100000000000001"},"contacts":[{"profile":{"name":"Клиент {{{user}}}"},"wa_id":"{{{phone}}}"}],"messages":[{"from":"{{{phone}}}","id":"{{{wamid}}}","timestamp":"{{{ts}}}",{{{content}}}}]}""";
        }
        var body = Encoding.UTF8.GetBytes($$"""{"object":"whatsapp_business_account","entry":[{"id":"200000000000001","changes":[{"value":{{value}},"field":"messages"}]}]}""");
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(wa.Secret), body));
        return new Shot(kind, $"/webhooks/{wa.Id}", body, "X-Hub-Signature-256", signature, key);
    }
}
