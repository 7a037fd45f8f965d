using System.Security.Cryptography;
using System.Text;
using MimeKit;
using Okno.Core.Channels;
using Okno.Core.Contacts;
using Okno.Core.Messages;

namespace Okno.Channels.Email;

/// <summary>Turns a letter (MimeMessage) into the normalized event every channel produces.</summary>
public static class EmailParser
{
    public const string SubjectPrefix = "Тема: ";

    /// <summary>null when the letter is not for a conversation (our own letter, no sender).</summary>
    public static EmailLetter? Parse(MimeMessage message, uint uidValidity, uint uid, string ownAddress, string? trustedAuthServId = null)
    {
        var at = message.Date == default ? DateTimeOffset.UnixEpoch : message.Date;
        if (EmailClassifier.ReadBounce(message) is { } bounce)
        {
            if (bounce.OriginalMessageId is null) return null;
            return new EmailLetter(new InboundEvent
            {
                Kind = InboundEventKind.Receipt,
                DedupeKey = Truncate("bounce:" + LetterId(message)),
                ExternalId = bounce.OriginalMessageId,
                ReceiptStatus = MessageStatus.Failed,
                ReceiptError = bounce.Reason,
                Timestamp = at,
            }, null);
        }

        var from = message.From.Mailboxes.FirstOrDefault() ?? message.Sender;
        if (from is null || !from.Address.Contains('@', StringComparison.Ordinal)) return null;
        if (string.Equals(from.Address, ownAddress, StringComparison.OrdinalIgnoreCase)) return null;
        var verified = EmailAuthentication.IsAligned(message, from.Address, trustedAuthServId);
        // An unverified letter may not send our answers elsewhere: its Reply-To counts only within From:'s own domain.
        var replyTo = message.ReplyTo.Mailboxes.FirstOrDefault()?.Address is { } r && r.Contains('@', StringComparison.Ordinal)
            && (verified || EmailAuthentication.SameDomain(r, from.Address)) ? r : from.Address;

        var (body, folded) = Body(message);
        var subject = message.Subject?.Trim();
        var text = string.IsNullOrEmpty(subject) ? body : SubjectPrefix + subject + (body.Length > 0 ? "\n\n" + body : "");
        var attachments = new List<InboundAttachment>();
        var files = EmailParts.Files(message);
        for (var i = 0; i < files.Count; i++)
        {
            var part = files[i];
            attachments.Add(new InboundAttachment(EmailParts.FileName(part, i), part.ContentType.MimeType, null,
                EmailParts.SourceRef(uidValidity, uid, i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
        if (folded) // the thread history was cut from the text: the whole letter stays one click away
            attachments.Add(new InboundAttachment("письмо целиком.eml", "message/rfc822", null, EmailParts.SourceRef(uidValidity, uid, EmailParts.WholeLetter)));

        var name = string.IsNullOrWhiteSpace(from.Name) ? null : from.Name.Trim();
        return new EmailLetter(new InboundEvent
        {
            Kind = InboundEventKind.Message,
            ExternalId = LetterId(message),
            Sender = new InboundSender(IdentityKind.Email, from.Address, name, replyTo) { Verified = verified },
            MessageKind = attachments.Count > 0 && body.Length == 0 ? MessageKind.Media : MessageKind.Text,
            Text = text.Length > 0 ? text : null,
            Attachments = attachments,
            Timestamp = at,
            Quiet = EmailClassifier.IsAutoReply(message),
        }, string.IsNullOrEmpty(subject) ? null : subject);
    }

    /// <summary>Plain text when the letter has it; otherwise its HTML, sanitised and flattened; quotes folded either way.</summary>
    public static (string Text, bool Folded) Body(MimeMessage message)
    {
        var plain = message.TextBody;
        if (!string.IsNullOrWhiteSpace(plain)) return EmailText.FoldQuotes(plain);
        var html = message.HtmlBody;
        if (string.IsNullOrWhiteSpace(html)) return ("", false);
        var (text, folded) = EmailText.FoldQuotes(EmailText.HtmlToText(html));
        return (text, folded || html.Contains("<blockquote", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The Message-ID, or (rarely missing) a stable hash of Date + From + Subject, fitting the 300-character column.</summary>
    public static string LetterId(MimeMessage message)
    {
        if (!string.IsNullOrWhiteSpace(message.MessageId)) return Truncate(message.MessageId);
        var basis = $"{message.Date:O}|{message.From}|{message.Subject}";
        return "hash:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)))[..32];
    }

    private static string Truncate(string id) => id.Length <= 300 ? id
        : "long:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}
