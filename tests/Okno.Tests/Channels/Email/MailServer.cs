using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace Okno.Tests.Channels.Email;

/// <summary>
/// The real mail server on loopback that tests/mail/setup-mailserver.sh starts: Postfix on 127.0.0.1:2525,
/// Dovecot IMAP on 127.0.0.1:1143; every address @okno.test is a mailbox with the password "okno-test".
/// </summary>
public static class MailServer
{
    public const string Host = "127.0.0.1";
    /// <summary>The same IMAP server without the IDLE capability.</summary>
    public const string NoIdleHost = "127.0.0.2";
    public const int SmtpPort = 2525;
    public const int ImapPort = 1143;
    public const string Password = "okno-test";
    public const string Domain = "okno.test";

    private static readonly Lazy<bool> Reachable = new(() => CanConnect(SmtpPort) && CanConnect(ImapPort));

    /// <summary>Skips the test when no mail server runs here; in CI (CI=true) its absence is a failure.</summary>
    public static void Require()
    {
        if (Reachable.Value) return;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException("CI=true but the test mail server is not running: run `bash tests/mail/setup-mailserver.sh` as root first.");
        Skip.If(true, "E-mail tests skipped: no mail server on 127.0.0.1:2525/1143. Run `sudo bash tests/mail/setup-mailserver.sh`.");
    }

    /// <summary>A fresh mailbox address for one test, so tests never read each other's letters.</summary>
    public static string NewAddress(string who) => $"{who}-{Guid.NewGuid():N}"[..(who.Length + 13)] + "@" + Domain;

    public static async Task SendAsync(MimeMessage message)
    {
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(Host, SmtpPort, SecureSocketOptions.None);
        await smtp.SendAsync(message);
        await smtp.DisconnectAsync(true);
    }

    /// <summary>A letter from <paramref name="from"/> to <paramref name="to"/>, plain text unless html is given.</summary>
    public static MimeMessage Letter(string from, string to, string subject, string? text, string? html = null, string? fromName = null)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(fromName ?? "", from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("client." + Domain);
        var body = new BodyBuilder { TextBody = text, HtmlBody = html };
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>Waits until a letter matching the filter is in the mailbox, and returns it.</summary>
    public static async Task<MimeMessage> WaitForLetterAsync(string address, Func<MimeMessage, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            using (var imap = new ImapClient())
            {
                await imap.ConnectAsync(Host, ImapPort, SecureSocketOptions.None);
                await imap.AuthenticateAsync(address, Password);
                await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
                foreach (var uid in await imap.Inbox.SearchAsync(SearchQuery.All))
                {
                    var letter = await imap.Inbox.GetMessageAsync(uid);
                    if (match(letter)) return letter;
                }
                await imap.DisconnectAsync(true);
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("No matching letter arrived in " + address);
            await Task.Delay(200);
        }
    }

    private static bool CanConnect(int port)
    {
        try
        {
            using var tcp = new TcpClient();
            return tcp.ConnectAsync(Host, port).Wait(TimeSpan.FromSeconds(2)) && tcp.Connected;
        }
        catch (AggregateException) { return false; }
        catch (SocketException) { return false; }
    }
}
