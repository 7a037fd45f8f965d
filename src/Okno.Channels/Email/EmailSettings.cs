using System.Globalization;
using MailKit.Security;
using Okno.Core.Channels;

namespace Okno.Channels.Email;

/// <summary>The e-mail channel's settings, read once per use from the channel's JSON settings.</summary>
public sealed record EmailSettings(
    string ImapHost, int ImapPort, SecureSocketOptions ImapTls, string ImapUser, string ImapPassword, string Folder,
    string SmtpHost, int SmtpPort, SecureSocketOptions SmtpTls, string? SmtpUser, string? SmtpPassword,
    string FromAddress, string? DisplayName, TimeSpan PollInterval)
{
    public static readonly string[] TlsModes = ["none", "ssl", "starttls"];

    /// <summary>
    /// The authserv-id our own receiving server writes in its Authentication-Results header (setting
    /// "trustedAuthServId"). Only that server's dkim=pass / dmarc=pass, aligned with From:, makes a sender verified.
    /// </summary>
    public string? TrustedAuthServId { get; init; }

    public static EmailSettings From(ChannelContext channel)
    {
        var imapTls = Tls(channel.Setting("imapTls") ?? "ssl");
        var smtpTls = Tls(channel.Setting("smtpTls") ?? "starttls");
        return new EmailSettings(
            channel.RequiredSetting("imapHost"), Port(channel.Setting("imapPort"), imapTls == SecureSocketOptions.SslOnConnect ? 993 : 143),
            imapTls, channel.RequiredSetting("imapUser"), channel.RequiredSetting("imapPassword"),
            string.IsNullOrWhiteSpace(channel.Setting("folder")) ? "INBOX" : channel.Setting("folder")!,
            channel.RequiredSetting("smtpHost"), Port(channel.Setting("smtpPort"), smtpTls switch
            {
                SecureSocketOptions.SslOnConnect => 465,
                SecureSocketOptions.StartTls => 587,
                _ => 25,
            }),
            smtpTls, NullIfEmpty(channel.Setting("smtpUser")), NullIfEmpty(channel.Setting("smtpPassword")),
            channel.RequiredSetting("fromAddress"), NullIfEmpty(channel.Setting("displayName")),
            TimeSpan.FromSeconds(PollSeconds(channel.Setting("pollSeconds")) ?? DefaultPollSeconds))
        {
            TrustedAuthServId = NullIfEmpty(channel.Setting("trustedAuthServId"))?.Trim(),
        };
    }

    public static SecureSocketOptions Tls(string mode) => mode switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.SslOnConnect,
    };

    /// <summary>How often a server without IDLE is asked for news.</summary>
    public const int DefaultPollSeconds = 30;

    public static int? PollSeconds(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= 3600 ? s : null;

    public static int? ParsePort(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536 ? p : null;

    private static int Port(string? value, int fallback) => string.IsNullOrWhiteSpace(value) ? fallback : ParsePort(value) ?? fallback;

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
