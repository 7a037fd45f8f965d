using System.Text.RegularExpressions;
using MimeKit;

namespace Okno.Channels.Email;

/// <summary>Recognises machine-written letters: auto-replies (RFC 3834 and common habits) and bounces (RFC 3464 DSN).</summary>
public static partial class EmailClassifier
{
    public static bool IsAutoReply(MimeMessage message)
    {
        var h = message.Headers;
        if (h["Auto-Submitted"] is { } auto && !auto.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase)) return true;
        if (h.Contains("X-Autoreply") || h.Contains("X-Autorespond") || h.Contains("X-Autoresponder")) return true;
        if (h["Precedence"]?.Trim().ToLowerInvariant() is "auto_reply" or "bulk" or "junk") return true;
        return AutoSubject().IsMatch(message.Subject ?? "");
    }

    /// <summary>A delivery failure report, or null. Delayed-delivery reports (the server still tries) are not failures.</summary>
    public static EmailBounce? ReadBounce(MimeMessage message)
    {
        var report = message.Body as MultipartReport ?? message.BodyParts.OfType<MultipartReport>().FirstOrDefault();
        var isDsn = report is not null && string.Equals(report.ReportType, "delivery-status", StringComparison.OrdinalIgnoreCase);
        var fromDaemon = message.From.Mailboxes.Any(m => DaemonSender().IsMatch(m.LocalPart)) || message.Headers["Return-Path"]?.Trim() == "<>";
        if (!isDsn && !fromDaemon) return null;

        string? action = null, status = null, diagnostic = null;
        if (report?.OfType<MessageDeliveryStatus>().FirstOrDefault() is { } dsn)
        {
            foreach (var group in dsn.StatusGroups.Skip(1)) // the first group is per-message, the rest per-recipient
            {
                action ??= group["Action"];
                status ??= group["Status"];
                diagnostic ??= group["Diagnostic-Code"];
            }
        }
        if (action is { } a && !a.Trim().StartsWith("failed", StringComparison.OrdinalIgnoreCase)) return null;
        if (!isDsn && !BounceSubject().IsMatch(message.Subject ?? "")) return null;

        var originalId = OriginalMessageId(message, report);
        return new EmailBounce(originalId, Reason(status?.Trim(), diagnostic?.Trim()));
    }

    private static string? OriginalMessageId(MimeMessage message, MultipartReport? report)
    {
        // The returned original (message/rfc822 or text/rfc822-headers) names our Message-ID.
        foreach (var part in (report ?? (IEnumerable<MimeEntity>)message.BodyParts).OfType<MessagePart>())
            if (part.Message?.MessageId is { Length: > 0 } id) return id;
        foreach (var part in message.BodyParts.OfType<TextPart>())
        {
            var match = MessageIdLine().Match(part.Text ?? "");
            if (match.Success) return match.Groups[1].Value;
        }
        return message.InReplyTo ?? message.References.LastOrDefault();
    }

    private static string Reason(string? status, string? diagnostic)
    {
        var what = status switch
        {
            null => "почтовый сервер вернул письмо",
            _ when status.StartsWith("5.1.", StringComparison.Ordinal) => "такого адреса не существует",
            _ when status.StartsWith("5.2.2", StringComparison.Ordinal) => "почтовый ящик получателя переполнен",
            _ when status.StartsWith("5.2.", StringComparison.Ordinal) => "почтовый ящик получателя недоступен",
            _ when status.StartsWith("5.3.4", StringComparison.Ordinal) => "письмо слишком большое",
            _ when status.StartsWith("5.7.", StringComparison.Ordinal) => "сервер получателя отклонил письмо (политика безопасности или спам-фильтр)",
            _ when status.StartsWith("5.4.", StringComparison.Ordinal) => "сервер получателя не найден",
            _ => "сервер получателя отклонил письмо",
        };
        var code = status is null ? "" : $" (код {status})";
        var detail = diagnostic is { Length: > 0 } ? ". Ответ сервера: " + (diagnostic.Length > 200 ? diagnostic[..200] : diagnostic) : "";
        return $"Письмо не доставлено: {what}{code}{detail}";
    }

    [GeneratedRegex(@"^(Автоответ|Автоматический ответ|Auto(matic)?[ -]?(reply|response)|Out of (the )?Office|Отсутствую|Нет на месте|Вне офиса|I am (currently )?out of|Abwesenheit)", RegexOptions.IgnoreCase)]
    private static partial Regex AutoSubject();

    [GeneratedRegex(@"^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)$", RegexOptions.IgnoreCase)]
    private static partial Regex DaemonSender();

    [GeneratedRegex(@"(Undeliver|Undelivered|Delivery Status Notification|Delivery (has )?failed|Returned mail|failure notice|Mail delivery failed|Не доставлено|Недоставленное)", RegexOptions.IgnoreCase)]
    private static partial Regex BounceSubject();

    [GeneratedRegex(@"^Message-ID:\s*<([^>\s]+)>", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex MessageIdLine();
}
