using System.Security.Cryptography;
using System.Text;

namespace Okno.Core.Privacy;

/// <summary>
/// One consent to the processing of personal data (152-ФЗ) a client gave: which text (kept whole, with its SHA-256 so
/// a changed wording is a different version), when, on which channel, and — once — when it was withdrawn and by whom.
/// </summary>
public sealed class Consent
{
    private Consent() { }

    public Consent(long contactId, Guid? channelAccountId, string source, string text, DateTimeOffset givenAt, DateTimeOffset now)
    {
        ContactId = contactId;
        ChannelAccountId = channelAccountId;
        Source = source;
        Text = text.Length > MaxTextLength ? text[..MaxTextLength] : text;
        TextSha256 = HashOf(Text);
        GivenAt = givenAt;
        RecordedAt = now;
    }

    public const int MaxTextLength = 2000;

    /// <summary>The site chat's pre-chat form, and its "leave a message" form outside business hours.</summary>
    public const string WidgetPreChat = "widget-prechat", WidgetOffline = "widget-offline";

    public long Id { get; private set; }
    public long ContactId { get; set; }
    public Guid? ChannelAccountId { get; private set; }
    public string Source { get; private set; } = "";
    public string Text { get; private set; } = "";
    /// <summary>Hex SHA-256 of <see cref="Text"/> (UTF-8): the version of the wording the client agreed to.</summary>
    public string TextSha256 { get; private set; } = "";
    public DateTimeOffset GivenAt { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public long? WithdrawnById { get; private set; }

    public static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Withdrawn once: a second withdrawal changes nothing (the first time and person stay).</summary>
    public bool Withdraw(long? byUserId, DateTimeOffset now)
    {
        if (WithdrawnAt is not null) return false;
        WithdrawnAt = now;
        WithdrawnById = byUserId;
        return true;
    }
}
