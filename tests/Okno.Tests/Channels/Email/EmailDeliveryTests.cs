using System.Diagnostics;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.Email;

/// <summary>What goes wrong on the way: refused recipients, bounces, dropped IMAP connections.</summary>
public abstract class EmailDeliveryTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableFact]
    public async Task Answer_RecipientRefusedBySmtp550_FailedWithRussianReason()
    {
        var kit = await EmailTestKit.CreateAsync(App);
        var marker = Guid.NewGuid().ToString("N");
        await MailServer.SendAsync(MailServer.Letter($"gone-{marker[..8]}@reject.okno.test", kit.FirmAddress, "Вопрос", "Письмо " + marker));
        var id = (await kit.WaitForConversationAsync(marker))["id"]!.GetValue<long>();

        var replyId = await kit.ReplyAsync(id, "Ответ " + marker);

        var failed = await kit.WaitForMessageAsync(id, m => m["id"]!.GetValue<long>() == replyId && m["status"]!.GetValue<string>() == "failed", "the refused answer to fail");
        Assert.StartsWith("Почтовый сервер не принял адрес получателя (550)", failed["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Bounce_OfOurAnswer_MarksItFailedAndOpensNothing()
    {
        var kit = await EmailTestKit.CreateAsync(App);
        var marker = Guid.NewGuid().ToString("N");
        await MailServer.SendAsync(MailServer.Letter($"moved-{marker[..8]}@bounce.okno.test", kit.FirmAddress, "Вопрос", "Письмо " + marker));
        var id = (await kit.WaitForConversationAsync(marker))["id"]!.GetValue<long>();

        var replyId = await kit.ReplyAsync(id, "Ответ " + marker);
        await kit.WaitSentAsync(id, replyId); // Postfix accepted it, then bounced it back to the firm's mailbox

        var failed = await kit.WaitForMessageAsync(id, m => m["id"]!.GetValue<long>() == replyId && m["status"]!.GetValue<string>() == "failed", "the bounce to fail our answer");
        Assert.StartsWith("Письмо не доставлено: такого адреса не существует (код 5.1.1)", failed["error"]!.GetValue<string>(), StringComparison.Ordinal);
        var page = await kit.GetJsonAsync($"/api/v1/conversations?limit=200&channelId={kit.ChannelId}");
        Assert.Single(page["items"]!.AsArray()); // the Mail Delivery System did not become a client
        Assert.Equal(2, (await kit.MessagesAsync(id)).Count);
    }

    [SkippableFact]
    public async Task ImapConnection_KickedByServer_ReconnectsAndImportsNextLetter()
    {
        var kit = await EmailTestKit.CreateAsync(App);
        var marker = Guid.NewGuid().ToString("N");
        await MailServer.SendAsync(MailServer.Letter(MailServer.NewAddress("client"), kit.FirmAddress, "Первое", "До обрыва " + marker));
        await kit.WaitForConversationAsync("До обрыва " + marker);

        Skip.IfNot(Kick(kit.FirmAddress), "doveadm kick is not available here (needs root and the test Dovecot).");
        await MailServer.SendAsync(MailServer.Letter(MailServer.NewAddress("client"), kit.FirmAddress, "Второе", "После обрыва " + marker));

        await kit.WaitForConversationAsync("После обрыва " + marker, TimeSpan.FromSeconds(45));
    }

    [SkippableFact]
    public async Task ServerWithoutIdle_PollsAndImportsNewLetter()
    {
        // 127.0.0.2:1143 is the same Dovecot with IDLE removed from its capabilities (setup-mailserver.sh).
        var kit = await EmailTestKit.CreateAsync(App, s => { s["imapHost"] = MailServer.NoIdleHost; s["pollSeconds"] = 1; });
        var marker = Guid.NewGuid().ToString("N");
        await Task.Delay(1500); // the poller is past its first import: only a NOOP poll can find the next letter
        await MailServer.SendAsync(MailServer.Letter(MailServer.NewAddress("client"), kit.FirmAddress, "Без IDLE", "Опрос " + marker));

        await kit.WaitForConversationAsync("Опрос " + marker, TimeSpan.FromSeconds(20));
    }

    private static bool Kick(string user)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("doveadm", ["-c", "/etc/dovecot/okno-test.conf", "kick", user]) { RedirectStandardOutput = true, RedirectStandardError = true });
            if (process is null) return false;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(10_000);
            return process.ExitCode == 0 && output.Contains(user, StringComparison.OrdinalIgnoreCase); // it did cut a live connection
        }
        catch (System.ComponentModel.Win32Exception) { return false; }
    }
}

public sealed class EmailDeliverySqliteTests(SqliteOknoApp app) : EmailDeliveryTests<SqliteOknoApp>(app);

public sealed class EmailDeliveryPostgresTests(PostgresOknoApp app) : EmailDeliveryTests<PostgresOknoApp>(app);
