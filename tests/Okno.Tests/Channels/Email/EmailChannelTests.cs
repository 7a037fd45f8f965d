using System.Text;
using MimeKit;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.Email;

/// <summary>The e-mail channel against a real Postfix + Dovecot on loopback (tests/mail/setup-mailserver.sh).</summary>
public abstract class EmailChannelTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableFact]
    public async Task NewLetter_SentBySmtp_OpensConversationWithSubjectAndEmailIdentity()
    {
        var kit = await EmailTestKit.CreateAsync(App);
        var client = MailServer.NewAddress("client");
        var marker = Guid.NewGuid().ToString("N");
        await MailServer.SendAsync(MailServer.Letter(client, kit.FirmAddress, "Консультация по договору", "Добрый день! Вопрос " + marker, fromName: "Иван Петров"));

        var conversation = await kit.WaitForConversationAsync(marker);
        var message = Assert.Single(await kit.MessagesAsync(conversation["id"]!.GetValue<long>()))!;
        Assert.Equal("Тема: Консультация по договору\n\nДобрый день! Вопрос " + marker, message["text"]!.GetValue<string>());
        Assert.Equal("inbound", message["direction"]!.GetValue<string>());
        var contact = await App.GetJsonAsync($"/api/v1/contacts/{conversation["contactId"]}");
        // No Authentication-Results of a trusted server on the test mail: the address is a claim (docs/decisions/0011).
        Assert.Contains($"email_unverified:{client}", contact["identities"]!.AsArray().Select(i => $"{i!["kind"]}:{i["value"]}"));
    }

    [SkippableFact]
    public async Task Answer_SentOverSmtp_ArrivesInClientMailboxThreadedUnderRe()
    {
        var kit = await EmailTestKit.CreateAsync(App);
        var client = MailServer.NewAddress("client");
        var marker = Guid.NewGuid().ToString("N");
        var first = MailServer.Letter(client, kit.FirmAddress, "Наследство", "Вопрос " + marker);
        await MailServer.SendAsync(first);
        var conversation = await kit.WaitForConversationAsync(marker);
        var id = conversation["id"]!.GetValue<long>();

        var ourId = await kit.WaitSentAsync(id, await kit.ReplyAsync(id, "Ответ юриста " + marker));

        var answer = await MailServer.WaitForLetterAsync(client, m => m.TextBody?.Contains("Ответ юриста " + marker, StringComparison.Ordinal) == true);
        Assert.Equal(ourId, answer.MessageId);
        Assert.Equal(first.MessageId, answer.InReplyTo);
        Assert.Contains(first.MessageId, answer.References);
        Assert.Equal("Re: Наследство", answer.Subject);
        Assert.Equal(kit.FirmAddress, answer.From.Mailboxes.Single().Address);
    }

    [SkippableFact]
    public async Task ClientReply_ToOurAnswer_JoinsTheSameConversation()
    {
        var kit = await EmailTestKit.CreateAsync(App);
        var client = MailServer.NewAddress("client");
        var marker = Guid.NewGuid().ToString("N");
        await MailServer.SendAsync(MailServer.Letter(client, kit.FirmAddress, "Аренда", "Первое письмо " + marker));
        var conversation = await kit.WaitForConversationAsync(marker);
        var id = conversation["id"]!.GetValue<long>();
        await kit.WaitSentAsync(id, await kit.ReplyAsync(id, "Пришлите договор " + marker));
        var answer = await MailServer.WaitForLetterAsync(client, m => m.TextBody?.Contains("Пришлите договор " + marker, StringComparison.Ordinal) == true);

        var reply = MailServer.Letter(client, kit.FirmAddress, answer.Subject!, $"Высылаю договор {marker}-2\n\nOn Mon, 1 Jan 2025, Firm wrote:\n> Пришлите договор {marker}");
        reply.InReplyTo = answer.MessageId;
        reply.References.Add(answer.MessageId!);
        await MailServer.SendAsync(reply);

        var joined = await kit.WaitForMessageAsync(id, m => m["text"]!.GetValue<string>().Contains(marker + "-2", StringComparison.Ordinal), "the client's reply");
        Assert.Equal($"Тема: Re: Аренда\n\nВысылаю договор {marker}-2", joined["text"]!.GetValue<string>()); // quoted history folded
        Assert.Single(await kit.ConversationsWithAsync(marker + "-2"));
        Assert.Contains(joined["attachments"]!.AsArray(), a => a!["fileName"]!.GetValue<string>().EndsWith(".eml", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task OutOfOfficeReply_FromNewSender_OpensNoRequest()
    {
        var kit = await EmailTestKit.CreateAsync(App);
        var marker = Guid.NewGuid().ToString("N");
        var auto = MailServer.Letter(MailServer.NewAddress("away"), kit.FirmAddress, "Автоответ: Re: Консультация", "Я в отпуске до 10 января " + marker);
        auto.Headers.Add("Auto-Submitted", "auto-replied");
        await MailServer.SendAsync(auto);
        var outOfOffice = MailServer.Letter(MailServer.NewAddress("away"), kit.FirmAddress, "Out of Office", "Back on Monday " + marker);
        await MailServer.SendAsync(outOfOffice);
        // A normal letter sent after them: once it is imported, the auto-replies before it were read too.
        await MailServer.SendAsync(MailServer.Letter(MailServer.NewAddress("client"), kit.FirmAddress, "Вопрос", "Обычное письмо " + marker + "-after"));

        await kit.WaitForConversationAsync(marker + "-after");
        Assert.Single(await kit.ConversationsWithAsync(marker));
    }

    [SkippableFact]
    public async Task OutOfOfficeReply_FromKnownClient_JoinsTheirConversationQuietly()
    {
        var kit = await EmailTestKit.CreateAsync(App);
        var client = MailServer.NewAddress("client");
        var marker = Guid.NewGuid().ToString("N");
        await MailServer.SendAsync(MailServer.Letter(client, kit.FirmAddress, "Развод", "Вопрос " + marker));
        var id = (await kit.WaitForConversationAsync(marker))["id"]!.GetValue<long>();
        var before = await App.GetJsonAsync($"/api/v1/conversations/{id}");

        var auto = MailServer.Letter(client, kit.FirmAddress, "Автоответ: Re: Развод", "Я в отпуске " + marker);
        auto.Headers.Add("X-Autoreply", "yes");
        await MailServer.SendAsync(auto);

        await kit.WaitForMessageAsync(id, m => m["text"]!.GetValue<string>().Contains("Я в отпуске", StringComparison.Ordinal), "the auto-reply in the client's conversation");
        Assert.Single(await kit.ConversationsWithAsync(marker));
        var after = await App.GetJsonAsync($"/api/v1/conversations/{id}");
        Assert.Contains(marker, after["lastMessagePreview"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before["lastMessagePreview"]!.GetValue<string>(), after["lastMessagePreview"]!.GetValue<string>()); // a quiet event does not bump the request
        Assert.Equal(before["unreadCount"]!.GetValue<int>(), after["unreadCount"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task HtmlLetter_WithScript_ShownAsSafeText()
    {
        var kit = await EmailTestKit.CreateAsync(App);
        var marker = Guid.NewGuid().ToString("N");
        var html = $"<html><head><style>p {{ color: red }}</style><script>alert('xss')</script></head><body><p>Здравствуйте, <b>{marker}</b></p>"
                 + "<p onclick=\"steal()\">Нужна помощь<br>по разделу имущества</p><img src=x onerror=alert(1)><script>document.cookie</script></body></html>";
        await MailServer.SendAsync(MailServer.Letter(MailServer.NewAddress("client"), kit.FirmAddress, "HTML", text: null, html: html));

        var conversation = await kit.WaitForConversationAsync(marker);
        var text = (await kit.MessagesAsync(conversation["id"]!.GetValue<long>()))[0]!["text"]!.GetValue<string>();
        Assert.Equal($"Тема: HTML\n\nЗдравствуйте, {marker}\n\nНужна помощь\nпо разделу имущества", text);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", text, StringComparison.Ordinal);
        Assert.DoesNotContain("cookie", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Attachment_InLetter_StoredWithSameBytes()
    {
        var kit = await EmailTestKit.CreateAsync(App);
        var marker = Guid.NewGuid().ToString("N");
        var letter = MailServer.Letter(MailServer.NewAddress("client"), kit.FirmAddress, "Скан", "Прикладываю скан " + marker);
        var bytes = Encoding.UTF8.GetBytes("%PDF-1.4 fake " + marker);
        var builder = new BodyBuilder { TextBody = "Прикладываю скан " + marker };
        builder.Attachments.Add("договор.pdf", bytes, new ContentType("application", "pdf"));
        letter.Body = builder.ToMessageBody();
        await MailServer.SendAsync(letter);

        var conversation = await kit.WaitForConversationAsync(marker);
        var id = conversation["id"]!.GetValue<long>();
        var attachment = await kit.WaitForMessageAsync(id, m => m["attachments"]!.AsArray().Any(a => a!["url"] is not null), "the attachment to be stored");
        var stored = attachment["attachments"]!.AsArray().Single()!;
        Assert.Equal("договор.pdf", stored["fileName"]!.GetValue<string>());
        using var http = kit.Api();
        Assert.Equal(bytes, await http.GetByteArrayAsync(stored["url"]!.GetValue<string>()));
    }
}

public sealed class EmailChannelSqliteTests(SqliteOknoApp app) : EmailChannelTests<SqliteOknoApp>(app);

public sealed class EmailChannelPostgresTests(PostgresOknoApp app) : EmailChannelTests<PostgresOknoApp>(app);
