using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Okno.Core.Channels;

namespace Okno.Channels.Email;

public sealed partial class EmailConnector
{
    public async Task<DeliveryResult> SendAsync(ChannelContext channel, OutboundMessage message, CancellationToken ct)
    {
        var settings = EmailSettings.From(channel);
        if (!MailboxAddress.TryParse(message.Address, out var to) || !to.Address.Contains('@', StringComparison.Ordinal))
            return DeliveryResult.Failed("Неверный адрес электронной почты клиента: " + message.Address);

        var letter = await BuildLetterAsync(channel, settings, to, message, ct);
        try
        {
            using var smtp = new SmtpClient { Timeout = (int)NetworkTimeout.TotalMilliseconds };
            await smtp.ConnectAsync(settings.SmtpHost, settings.SmtpPort, settings.SmtpTls, ct);
            if (settings.SmtpUser is { } user) await smtp.AuthenticateAsync(user, settings.SmtpPassword ?? "", ct);
            await smtp.SendAsync(letter, ct);
            await smtp.DisconnectAsync(true, ct);
            return DeliveryResult.Sent(letter.MessageId);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            return ex.ErrorCode switch
            {
                SmtpErrorCode.RecipientNotAccepted => DeliveryResult.Failed($"Почтовый сервер не принял адрес получателя ({(int)ex.StatusCode}): {Short(ex.Message)}"),
                SmtpErrorCode.SenderNotAccepted => DeliveryResult.Failed($"Почтовый сервер не принял адрес отправителя ({(int)ex.StatusCode}): проверьте настройку fromAddress.", ChannelStatus.NeedsAttention),
                _ => DeliveryResult.Failed($"Почтовый сервер отклонил письмо ({(int)ex.StatusCode}): {Short(ex.Message)}"),
            };
        }
        catch (SmtpCommandException ex)
        {
            return DeliveryResult.Retry($"Почтовый сервер временно не принимает письмо ({(int)ex.StatusCode}).", TimeSpan.FromMinutes(1));
        }
        catch (AuthenticationException)
        {
            return DeliveryResult.Failed("Почтовый сервер не принял логин или пароль SMTP: проверьте настройки канала.", ChannelStatus.NeedsAttention);
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or SslHandshakeException or ServiceNotConnectedException or TimeoutException)
        {
            return DeliveryResult.Retry("Нет связи с почтовым сервером (SMTP).");
        }
    }

    private async Task<MimeMessage> BuildLetterAsync(ChannelContext channel, EmailSettings settings, MailboxAddress to, OutboundMessage message, CancellationToken ct)
    {
        var letter = new MimeMessage();
        letter.From.Add(new MailboxAddress(settings.DisplayName ?? "", settings.FromAddress));
        letter.To.Add(to);
        letter.MessageId = OurMessageId(channel, message, settings.FromAddress);
        letter.Date = clock.GetUtcNow();
        var thread = message.ThreadExternalIds.Where(IsMessageId).ToList(); // newest first
        if (thread.Count > 0)
        {
            letter.InReplyTo = thread[0];
            foreach (var id in Enumerable.Reverse(thread)) letter.References.Add(id); // References run oldest → newest
        }
        if (message.Subject is { Length: > 0 } explicitSubject) letter.Subject = explicitSubject;
        else if (await LatestSubjectAsync(channel, to.Address, ct) is { } subject)
            letter.Subject = subject.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) ? subject : "Re: " + subject;
        else letter.Subject = DefaultSubject;

        var body = new BodyBuilder { TextBody = message.Text ?? "" };
        foreach (var attachment in message.Attachments.Where(a => a.Open is not null))
        {
            await using var stream = await attachment.Open!(ct);
            await body.Attachments.AddAsync(attachment.FileName, stream, ContentType.TryParse(attachment.ContentType, out var type) ? type : new ContentType("application", "octet-stream"), ct);
        }
        letter.Body = body.ToMessageBody();
        return letter;
    }

    /// <summary>Stable across retries of one message, so a resend after a lost answer is recognisably the same letter.</summary>
    private static string OurMessageId(ChannelContext channel, OutboundMessage message, string fromAddress)
    {
        var domain = fromAddress[(fromAddress.LastIndexOf('@') + 1)..];
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{channel.Id:N}/{message.MessageId}")))[..24];
        return $"okno.{hash}@{domain}";
    }

    private static bool IsMessageId(string id) => id.Contains('@', StringComparison.Ordinal) && !id.Contains(' ', StringComparison.Ordinal);

    private async Task<string?> LatestSubjectAsync(ChannelContext channel, string address, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IChannelStateStore>().GetAsync(channel.Id, SubjectKey(address), ct);
    }

    private static string Short(string text) => text.Length > 200 ? text[..200] : text;

    /// <summary>Re-reads a letter over IMAP and returns one of its files ("uidvalidity:uid:index") or the whole letter ("…:eml").</summary>
    public async Task<MediaContent?> DownloadAsync(ChannelContext channel, string sourceRef, CancellationToken ct)
    {
        if (!EmailParts.TryParseSourceRef(sourceRef, out var uidValidity, out var uid, out var part)) return null;
        var settings = EmailSettings.From(channel);
        using var client = new ImapClient { Timeout = (int)NetworkTimeout.TotalMilliseconds };
        try
        {
            await ConnectImapAsync(client, settings, ct);
            var folder = await client.GetFolderAsync(settings.Folder, ct);
            await folder.OpenAsync(FolderAccess.ReadOnly, ct);
            if (folder.UidValidity != uidValidity) return null; // the mailbox was renumbered: this reference is gone
            var message = await folder.GetMessageAsync(new UniqueId(uidValidity, uid), ct);
            var output = new MemoryStream();
            MediaContent result;
            if (part == EmailParts.WholeLetter)
            {
                await message.WriteToAsync(output, ct);
                result = new MediaContent(output, "message/rfc822", "письмо целиком.eml");
            }
            else
            {
                var files = EmailParts.Files(message);
                if (!int.TryParse(part, out var index) || index < 0 || index >= files.Count || files[index].Content is not { } content) return null;
                await content.DecodeToAsync(output, ct);
                result = new MediaContent(output, files[index].ContentType.MimeType, EmailParts.FileName(files[index], index));
            }
            output.Position = 0;
            await client.DisconnectAsync(true, ct);
            return result;
        }
        catch (Exception ex) when (ex is MessageNotFoundException or FolderNotFoundException or AuthenticationException || IsConnectionProblem(ex) && !ct.IsCancellationRequested)
        {
            return null; // the outbox retries a failed download with backoff
        }
    }

    /// <summary>Checks both logins, so wrong settings show at once as the channel's status.</summary>
    public async Task<SetupResult> SetUpAsync(ChannelContext channel, string webhookUrl, CancellationToken ct)
    {
        var settings = EmailSettings.From(channel);
        try
        {
            using (var imap = new ImapClient { Timeout = (int)NetworkTimeout.TotalMilliseconds })
            {
                await ConnectImapAsync(imap, settings, ct);
                await imap.GetFolderAsync(settings.Folder, ct);
                await imap.DisconnectAsync(true, ct);
            }
        }
        catch (AuthenticationException) { return SetupResult.Fail("IMAP: почтовый сервер не принял логин или пароль."); }
        catch (FolderNotFoundException) { return SetupResult.Fail($"IMAP: папка «{settings.Folder}» не найдена."); }
        catch (Exception ex) when (IsConnectionProblem(ex) && !ct.IsCancellationRequested) { return SetupResult.Fail("IMAP: нет связи с сервером " + settings.ImapHost + "."); }

        try
        {
            using var smtp = new SmtpClient { Timeout = (int)NetworkTimeout.TotalMilliseconds };
            await smtp.ConnectAsync(settings.SmtpHost, settings.SmtpPort, settings.SmtpTls, ct);
            if (settings.SmtpUser is { } user) await smtp.AuthenticateAsync(user, settings.SmtpPassword ?? "", ct);
            await smtp.DisconnectAsync(true, ct);
        }
        catch (AuthenticationException) { return SetupResult.Fail("SMTP: почтовый сервер не принял логин или пароль."); }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or SmtpCommandException or SslHandshakeException or TimeoutException)
        {
            return SetupResult.Fail("SMTP: нет связи с сервером " + settings.SmtpHost + ".");
        }
        return SetupResult.Ok();
    }
}
