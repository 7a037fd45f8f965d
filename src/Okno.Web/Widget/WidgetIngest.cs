using System.Text.Json.Nodes;
using Okno.Channels.WebChat;
using Okno.Core.Channels;
using Okno.Core.Contacts;
using Okno.Core.Messages;

namespace Okno.Web.Widget;

/// <summary>
/// Turns a visitor's message into an InboundEvent and hands it to the same group-commit writer webhooks use:
/// dedupe (the widget's message id is the ExternalId, so a retried POST is stored once), contacts, conversations.
/// </summary>
public sealed class WidgetIngest(IngestWriter writer, TimeProvider clock)
{
    public const string OfflineMark = "📴 Сообщение вне рабочего времени";
    private const int MaxUrl = 2000;
    private const int MaxTag = 200;

    public Task AcceptAsync(HttpContext ctx, VisitorToken visitor, string clientId, string? text,
        IReadOnlyList<InboundAttachment> attachments, PageSource? source, bool offline = false)
    {
        var channel = WidgetChannel.Of(ctx);
        var also = new List<(IdentityKind, string)>();
        if (visitor.Phone is { } phone) also.Add((IdentityKind.Phone, phone));
        if (visitor.Email is { } email) also.Add((IdentityKind.Email, email));
        var e = new InboundEvent
        {
            Kind = InboundEventKind.Message,
            ExternalId = WebChatConnector.InboundId(visitor.VisitorId, clientId),
            // Only the site's HMAC (a verified visitor) vouches for a phone or address; typed into the form they are claims.
            Sender = new InboundSender(IdentityKind.WebChatVisitor, visitor.VisitorId, visitor.Name, visitor.VisitorId)
            {
                AlsoKnownAs = visitor.Verified ? also : [],
                Claims = visitor.Verified ? [] : also,
            },
            MessageKind = attachments.Count > 0 ? MessageKind.Media : MessageKind.Text,
            Text = text,
            Attachments = attachments,
            Timestamp = clock.GetUtcNow(),
            SourceDetails = SourceDetails(source, visitor, offline),
            // The register (Consents) keeps the wording the visitor ticked, with its time and form.
            Consent = visitor.ConsentAt is { } given
                ? new InboundConsent(channel.Settings.ConsentText, given, offline ? Okno.Core.Privacy.Consent.WidgetOffline : Okno.Core.Privacy.Consent.WidgetPreChat)
                : null,
        };
        // Not tied to the request: once queued, the message is stored even if the visitor closes the page.
        return writer.AcceptAsync(channel.Entry.Ref, [e], CancellationToken.None);
    }

    /// <summary>{"channel":"webchat","pageUrl":…,"referrer":…,"utm_source":…,…,"consentAt":…}: kept on the conversation it opens.</summary>
    public static string SourceDetails(PageSource? source, VisitorToken visitor, bool offline)
    {
        var json = new JsonObject { ["channel"] = "webchat" };
        void Put(string name, string? value, int max)
        {
            if (!string.IsNullOrWhiteSpace(value)) json[name] = value.Length > max ? value[..max] : value.Trim();
        }
        if (source is not null)
        {
            Put("pageUrl", HttpUrl(source.Url), MaxUrl);
            Put("referrer", HttpUrl(source.Referrer), MaxUrl);
            Put("utm_source", source.UtmSource, MaxTag);
            Put("utm_medium", source.UtmMedium, MaxTag);
            Put("utm_campaign", source.UtmCampaign, MaxTag);
            Put("utm_term", source.UtmTerm, MaxTag);
            Put("utm_content", source.UtmContent, MaxTag);
        }
        if (visitor.ConsentAt is { } consent) json["consentAt"] = consent.ToString("O");
        if (visitor.Verified) json["verifiedUser"] = true;
        if (offline) json["offline"] = true;
        return json.ToJsonString();
    }

    private static string? HttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https") ? value : null;
}
