using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Okno.Channels.Email;
using Okno.Core.Channels;
using Okno.Core.Contacts;
using Okno.Core.Messages;

namespace Okno.Tests.Channels.Email;

/// <summary>Letter → event rules that need no server: quotes, auto-replies, bounces, settings, the absent webhook.</summary>
public sealed class EmailParserTests
{
    private static MimeMessage Load(string raw) => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw.ReplaceLineEndings("\r\n"))));

    [Fact]
    public void FoldQuotes_RussianAttribution_CutsHistoryAndKeepsAnswer()
    {
        var (text, folded) = EmailText.FoldQuotes("Да, согласен.\n\nС уважением, Иван\n\n15.01.2025, 10:00, Юрист <firm@okno.test> написал(а):\n> Подпишете договор?\n> Спасибо");
        Assert.True(folded);
        Assert.Equal("Да, согласен.\n\nС уважением, Иван", text);
    }

    [Fact]
    public void FoldQuotes_OnlyQuote_KeepsTextRatherThanEmpty()
    {
        var (text, folded) = EmailText.FoldQuotes("> только цитата");
        Assert.False(folded);
        Assert.Equal("> только цитата", text);
    }

    [Fact]
    public void Parse_PlainLetter_EmailIdentityReplyToAndMessageId()
    {
        var letter = EmailParser.Parse(Load("""
            Message-ID: <CAF1a2b3c4d5@mail.example.ru>
            From: Иван Петров <Ivan.Petrov@example.ru>
            Reply-To: ivan.work@example.ru
            To: info@lawfirm.ru
            Subject: Консультация
            Date: Wed, 01 Jan 2025 15:04:05 +0300
            Content-Type: text/plain; charset=utf-8

            Добрый день.
            """), 7, 42, "info@lawfirm.ru")!;
        var e = letter.Event;
        Assert.Equal(InboundEventKind.Message, e.Kind);
        Assert.Equal("CAF1a2b3c4d5@mail.example.ru", e.ExternalId);
        Assert.Equal(new InboundSender(IdentityKind.Email, "Ivan.Petrov@example.ru", "Иван Петров", "ivan.work@example.ru") { Verified = false }, e.Sender);
        Assert.Equal("Тема: Консультация\n\nДобрый день.", e.Text);
        Assert.False(e.Quiet);
        Assert.Equal("Консультация", letter.ReplySubject);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 12, 4, 5, TimeSpan.Zero), e.Timestamp.ToUniversalTime());
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-replied", "Re: Вопрос")]
    [InlineData("X-Autoreply: yes", "Re: Вопрос")]
    [InlineData("Precedence: bulk", "Новости")]
    [InlineData("X-Mailer: x", "Автоответ: Re: Вопрос")]
    [InlineData("X-Mailer: x", "Out of Office: Re: Вопрос")]
    public void Parse_AutoReply_Quiet(string header, string subject)
    {
        var letter = EmailParser.Parse(Load($"From: a@example.ru\nTo: f@okno.test\nSubject: {subject}\n{header}\nContent-Type: text/plain\n\nI am away."), 1, 1, "f@okno.test")!;
        Assert.True(letter.Event.Quiet);
    }

    [Fact]
    public void Parse_AutoSubmittedNo_NotQuiet()
    {
        var letter = EmailParser.Parse(Load("From: a@example.ru\nTo: f@okno.test\nSubject: Вопрос\nAuto-Submitted: no\nContent-Type: text/plain\n\nЗдравствуйте."), 1, 1, "f@okno.test")!;
        Assert.False(letter.Event.Quiet);
    }

    [Fact]
    public void Parse_PostfixDsn_FailedReceiptForOurMessageInRussian()
    {
        var letter = EmailParser.Parse(Load("""
            From: MAILER-DAEMON@mail.okno.test (Mail Delivery System)
            To: firm@okno.test
            Subject: Undelivered Mail Returned to Sender
            Message-Id: <20250101.ABC@mail.okno.test>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="B"

            --B
            Content-Type: text/plain

            I'm sorry to have to inform you that your message could not be delivered.
            --B
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mail.okno.test

            Final-Recipient: rfc822; nobody@example.ru
            Action: failed
            Status: 5.1.1
            Diagnostic-Code: smtp; 550 5.1.1 User unknown

            --B
            Content-Type: text/rfc822-headers

            From: firm@okno.test
            To: nobody@example.ru
            Subject: Re: Вопрос
            Message-ID: <okno.abc123@okno.test>

            --B--
            """), 1, 5, "firm@okno.test")!;
        var e = letter.Event;
        Assert.Equal(InboundEventKind.Receipt, e.Kind);
        Assert.Equal("okno.abc123@okno.test", e.ExternalId);
        Assert.Equal(MessageStatus.Failed, e.ReceiptStatus);
        Assert.StartsWith("Письмо не доставлено: такого адреса не существует (код 5.1.1)", e.ReceiptError, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InlineImageAndAttachment_BothStoredWithSourceRefs()
    {
        var builder = new BodyBuilder { HtmlBody = "<p>Фото <img src=\"cid:img1\"></p>" };
        var image = builder.LinkedResources.Add("photo.png", [1, 2, 3], new ContentType("image", "png"));
        image.ContentId = "img1";
        builder.Attachments.Add("иск.docx", [4, 5], new ContentType("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"));
        var message = new MimeMessage { Subject = "Файлы", Body = builder.ToMessageBody() };
        message.From.Add(MailboxAddress.Parse("a@example.ru"));

        var e = EmailParser.Parse(message, 9, 3, "f@okno.test")!.Event;

        Assert.Equal(["photo.png", "иск.docx"], e.Attachments.Select(a => a.FileName));
        Assert.Equal(["9:3:0", "9:3:1"], e.Attachments.Select(a => a.SourceRef));
    }

    [Fact]
    public void ValidateSettings_MissingAndMalformed_ReportedPerSetting()
    {
        var connector = Connector();
        var (_, errors) = ChannelSettingsCheck.Run(connector, new JsonObject { ["imapHost"] = "imap.x.ru", ["imapPort"] = 70000, ["imapTls"] = "tls", ["fromAddress"] = "не адрес" });
        Assert.Contains("imapUser", errors.Keys);
        Assert.Contains("smtpHost", errors.Keys);
        Assert.Equal("imapPort: Номер порта от 1 до 65535.", errors["imapPort"]);
        Assert.Contains("imapTls", errors.Keys);
        Assert.Contains("fromAddress", errors.Keys);
        Assert.Empty(ChannelSettingsCheck.Run(connector, EmailTestKit.Settings("firm@okno.test")).Errors);
    }

    [Fact]
    public async Task ReadWebhook_AnyRequest_RejectedBecauseMailIsPulled()
    {
        var outcome = await Connector().ReadWebhookAsync(new ChannelContext(Guid.NewGuid(), ChannelKind.Email, "m", []),
            new WebhookRequest("POST", new Dictionary<string, string>(), new Dictionary<string, string>(), Encoding.UTF8.GetBytes("{}")), default);
        Assert.Equal(404, Assert.IsType<WebhookOutcome.Rejected>(outcome).StatusCode);
    }

    private static EmailConnector Connector() =>
        new(new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<EmailConnector>.Instance);
}
