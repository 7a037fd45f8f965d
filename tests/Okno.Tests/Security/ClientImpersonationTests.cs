using System.Net;
using System.Text.Json.Nodes;
using MimeKit;
using Okno.Channels.Email;
using Okno.Tests.Channels.WebChat;
using Okno.Tests.Channels.WhatsApp;
using Okno.Tests.Channels.WhatsAppCloud;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Security;

/// <summary>
/// Issue 10.3: an anonymous visitor types a known client's phone (or e-mail) into the site chat's pre-chat form, or a
/// letter forges the client's From:. The claim must not land the attacker in the client's contact, nor make the
/// attacker's endpoint the default route of the operator's reply.
/// </summary>
public abstract class ClientImpersonationTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private async Task<(long ContactId, long ConversationId, string Phone)> KnownWhatsAppClientAsync(WhatsAppCloudTestKit cloud, string tag)
    {
        var phone = Inbox.NewPhone();
        Assert.Equal(HttpStatusCode.OK, (await cloud.PostAsync(cloud.Text(phone, "Я ваш клиент " + tag))).StatusCode);
        var conversation = await Inbox.ConversationAsync(App, tag);
        return (conversation["contactId"]!.GetValue<long>(), conversation["id"]!.GetValue<long>(), phone);
    }

    [SkippableFact]
    public async Task PreChat_KnownClientsPhoneWithoutHmac_OwnContactWithPossibleMatchAndNoRouteToAttacker()
    {
        var cloud = await WhatsAppCloudTestKit.CreateAsync(App);
        var widget = await WebChatTestKit.CreateAsync(App, s => s["preChatForm"] = true);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var client = await KnownWhatsAppClientAsync(cloud, tag);

        // The attacker types the client's number, written differently, and asks for the file.
        var formatted = $"8 ({client.Phone[1..4]}) {client.Phone[4..7]}-{client.Phone[7..9]}-{client.Phone[9..]}";
        var session = await widget.SessionAsync(new JsonObject { ["name"] = "Клиент", ["phone"] = formatted, ["consent"] = true });
        var attackText = "Пришлите мне копию договора сюда " + tag;
        Assert.Equal(HttpStatusCode.OK, (await widget.PostMessageAsync(session["token"]!.GetValue<string>(), attackText)).StatusCode);
        var attacker = await OknoApp.EventuallyAsync(() => widget.FindConversationAsync(attackText), what: "the visitor's conversation");

        Assert.NotEqual(client.ContactId, attacker["contactId"]!.GetValue<long>());
        Assert.NotEqual(client.ConversationId, attacker["id"]!.GetValue<long>());
        var clientMessages = await Inbox.MessagesAsync(App, client.ConversationId);
        Assert.DoesNotContain(clientMessages, m => m["text"]?.GetValue<string>()?.Contains("копию договора", StringComparison.Ordinal) == true);
        var routes = (await App.GetJsonAsync($"/api/v1/conversations/{client.ConversationId}/routes"))["items"]!.AsArray();
        Assert.All(routes, r => Assert.Equal("whatsapp_cloud", r!["kind"]!.GetValue<string>()));
        Assert.Equal(cloud.ChannelId, routes.Single(r => r!["isDefault"]!.GetValue<bool>())!["channelId"]!.GetValue<string>());

        // The operator sees the claim as a possible match on both cards, and merges only by hand.
        var visitorContact = await App.GetJsonAsync($"/api/v1/contacts/{attacker["contactId"]}");
        Assert.Contains(visitorContact["identities"]!.AsArray(), i => i!["kind"]!.GetValue<string>() == "phone_unverified" && i["value"]!.GetValue<string>() == "+" + client.Phone);
        Assert.Contains(visitorContact["possibleMatches"]!.AsArray(), m => m!["contactId"]!.GetValue<long>() == client.ContactId);
        var clientContact = await App.GetJsonAsync($"/api/v1/contacts/{client.ContactId}");
        Assert.Contains(clientContact["possibleMatches"]!.AsArray(), m => m!["contactId"]!.GetValue<long>() == attacker["contactId"]!.GetValue<long>() && m["otherClaims"]!.GetValue<bool>());
        Assert.DoesNotContain(clientContact["identities"]!.AsArray(), i => i!["kind"]!.GetValue<string>() == "webchat");
    }

    [SkippableFact]
    public async Task PreChat_KnownClientsEmailWithoutHmac_DoesNotJoinVerifiedContact()
    {
        var widget = await WebChatTestKit.CreateAsync(App, s => s["preChatForm"] = true);
        var email = $"client.{Guid.NewGuid():N}@example.ru";
        // The client, signed in on the firm's site: the site's HMAC vouches for them and the e-mail they give.
        var userId = "crm-" + Guid.NewGuid().ToString("N")[..8];
        var real = await widget.SessionAsync(new JsonObject { ["userId"] = userId, ["userHash"] = WebChatTestKit.UserHash(userId), ["name"] = "Ирина", ["email"] = email, ["consent"] = true });
        var realText = "Настоящий клиент " + Guid.NewGuid();
        await widget.PostMessageAsync(real["token"]!.GetValue<string>(), realText);
        var clientConversation = await OknoApp.EventuallyAsync(() => widget.FindConversationAsync(realText), what: "the client's conversation");

        var fake = await widget.SessionAsync(new JsonObject { ["name"] = "Ирина", ["email"] = email.ToUpperInvariant(), ["consent"] = true });
        var fakeText = "Поддельный визит " + Guid.NewGuid();
        await widget.PostMessageAsync(fake["token"]!.GetValue<string>(), fakeText);
        var fakeConversation = await OknoApp.EventuallyAsync(() => widget.FindConversationAsync(fakeText), what: "the visitor's conversation");

        Assert.NotEqual(clientConversation["contactId"]!.GetValue<long>(), fakeConversation["contactId"]!.GetValue<long>());
        var fakeContact = await App.GetJsonAsync($"/api/v1/contacts/{fakeConversation["contactId"]}");
        Assert.Contains(fakeContact["possibleMatches"]!.AsArray(), m => m!["contactId"]!.GetValue<long>() == clientConversation["contactId"]!.GetValue<long>());
    }

    [SkippableFact]
    public async Task PreChat_PhoneSignedBySiteHmac_JoinsTheClient()
    {
        var cloud = await WhatsAppCloudTestKit.CreateAsync(App);
        var widget = await WebChatTestKit.CreateAsync(App, s => s["preChatForm"] = true);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var client = await KnownWhatsAppClientAsync(cloud, tag);
        var userId = "crm-" + tag;

        var session = await widget.SessionAsync(new JsonObject { ["userId"] = userId, ["userHash"] = WebChatTestKit.UserHash(userId), ["name"] = "Клиент", ["phone"] = "+" + client.Phone, ["consent"] = true });
        var text = "Пишу с сайта " + tag;
        await widget.PostMessageAsync(session["token"]!.GetValue<string>(), text);
        var conversation = await OknoApp.EventuallyAsync(() => widget.FindConversationAsync(text), what: "the signed visitor's conversation");

        Assert.Equal(client.ContactId, conversation["contactId"]!.GetValue<long>());
    }
}

public sealed class SqliteClientImpersonationTests(SqliteOknoApp app) : ClientImpersonationTests<SqliteOknoApp>(app);
public sealed class PostgresClientImpersonationTests(PostgresOknoApp app) : ClientImpersonationTests<PostgresOknoApp>(app);

/// <summary>Issue 10.3, e-mail: a letter's From: is a claim unless our own receiving server vouches for it.</summary>
public sealed class ForgedEmailFromTests
{
    private const string OwnServer = "mx.firm.example";

    private static MimeMessage Letter(string from, string? replyTo = null, string? authenticationResults = null)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("office@firm.example"));
        if (replyTo is not null) message.ReplyTo.Add(MailboxAddress.Parse(replyTo));
        if (authenticationResults is not null) message.Headers.Insert(0, "Authentication-Results", authenticationResults);
        message.Subject = "Документы";
        message.MessageId = Guid.NewGuid().ToString("N") + "@example.ru";
        message.Body = new TextPart("plain") { Text = "Пришлите документы на новый адрес" };
        return message;
    }

    private static Okno.Core.Channels.InboundSender Sender(MimeMessage m, string? trusted = OwnServer) =>
        EmailParser.Parse(m, 1, 1, "office@firm.example", trusted)!.Event.Sender!;

    [Fact]
    public void Parse_ForgedFromWithForeignReplyTo_UnverifiedAndAnswersGoToFrom()
    {
        var sender = Sender(Letter("client@example.ru", replyTo: "attacker@evil.example"));

        Assert.False(sender.Verified);
        Assert.Equal("client@example.ru", sender.ReplyAddress);
    }

    [Theory]
    [InlineData("mx.firm.example; dkim=pass header.d=example.ru header.s=mail; spf=pass smtp.mailfrom=example.ru", true)]
    [InlineData("mx.firm.example; dmarc=pass header.from=example.ru", true)]
    [InlineData("mx.firm.example; dkim=pass header.d=mail.example.ru", false)] // a subdomain's key does not vouch for the parent
    [InlineData("mx.firm.example; dkim=pass header.d=evil.example", false)]     // signed, but by someone else
    [InlineData("mx.firm.example; dkim=fail header.d=example.ru", false)]
    [InlineData("mx.evil.example; dkim=pass header.d=example.ru", false)]        // not our server's verdict
    public void Parse_AuthenticationResults_VerifiedOnlyWhenOurServerSaysAlignedPass(string header, bool verified)
    {
        var sender = Sender(Letter("client@example.ru", authenticationResults: header));

        Assert.Equal(verified, sender.Verified);
    }

    [Fact]
    public void Parse_NoTrustedServerConfigured_Unverified()
    {
        var sender = Sender(Letter("client@example.ru", authenticationResults: "mx.firm.example; dkim=pass header.d=example.ru"), trusted: null);

        Assert.False(sender.Verified);
    }

    [Fact]
    public void Parse_VerifiedLetter_KeepsReplyTo()
    {
        var sender = Sender(Letter("client@example.ru", replyTo: "assistant@other.example", authenticationResults: "mx.firm.example; dmarc=pass header.from=example.ru"));

        Assert.True(sender.Verified);
        Assert.Equal("assistant@other.example", sender.ReplyAddress);
    }
}
