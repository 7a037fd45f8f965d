using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Channels.Email;
using Okno.Core.Data;
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
        var before = await kit.WaitForConversationAsync("До обрыва " + marker);

        Skip.IfNot(Doveadm("kick", kit.FirmAddress).Contains(kit.FirmAddress, StringComparison.OrdinalIgnoreCase), "doveadm kick is not available here (needs root and the test Dovecot).");
        var second = MailServer.NewAddress("client");
        await MailServer.SendAsync(MailServer.Letter(second, kit.FirmAddress, "Второе", "После обрыва " + marker));

        var after = await kit.WaitForConversationAsync("После обрыва " + marker, TimeSpan.FromSeconds(45));
        var letter = Assert.Single(await kit.MessagesAsync(after["id"]!.GetValue<long>()))!;
        Assert.Equal("inbound", letter["direction"]!.GetValue<string>());
        Assert.Contains("После обрыва " + marker, letter["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEqual(before["id"]!.GetValue<long>(), after["id"]!.GetValue<long>());
        Assert.Single(await kit.MessagesAsync(before["id"]!.GetValue<long>())); // the reconnect did not import the first letter again
        var page = await kit.GetJsonAsync($"/api/v1/conversations?limit=200&channelId={kit.ChannelId}");
        Assert.Equal(2, page["items"]!.AsArray().Count);
        var contact = await kit.GetJsonAsync($"/api/v1/contacts/{after["contactId"]}");
        Assert.Contains(contact["identities"]!.AsArray(), i => i!["value"]!.GetValue<string>() == second);
    }

    [SkippableFact]
    public async Task ServerWithoutIdle_PollsAndImportsNewLetter()
    {
        // 127.0.0.2:1143 is the same Dovecot with IDLE removed from its capabilities (setup-mailserver.sh).
        var kit = await EmailTestKit.CreateAsync(App, s => { s["imapHost"] = MailServer.NoIdleHost; s["pollSeconds"] = 1; });
        var marker = Guid.NewGuid().ToString("N");
        await Task.Delay(1500); // the poller is past its first import: only a NOOP poll can find the next letter
        var client = MailServer.NewAddress("client");
        await MailServer.SendAsync(MailServer.Letter(client, kit.FirmAddress, "Без IDLE", "Опрос " + marker));

        var conversation = await kit.WaitForConversationAsync("Опрос " + marker, TimeSpan.FromSeconds(20));
        var letter = Assert.Single(await kit.MessagesAsync(conversation["id"]!.GetValue<long>()))!;
        Assert.Equal("inbound", letter["direction"]!.GetValue<string>());
        Assert.Contains("Опрос " + marker, letter["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var page = await kit.GetJsonAsync($"/api/v1/conversations?limit=200&channelId={kit.ChannelId}");
        Assert.Single(page["items"]!.AsArray()); // imported once, though every poll looks again
        var contact = await kit.GetJsonAsync($"/api/v1/contacts/{conversation["contactId"]}");
        Assert.Contains(contact["identities"]!.AsArray(), i => i!["value"]!.GetValue<string>() == client);
    }

    [SkippableFact]
    public async Task UidValidity_ChangedByServer_ResyncsWithoutDuplicatesAndImportsNewLetter()
    {
        var kit = await EmailTestKit.CreateAsync(App);
        var client = MailServer.NewAddress("client");
        var marker = Guid.NewGuid().ToString("N");
        await MailServer.SendAsync(MailServer.Letter(client, kit.FirmAddress, "Первое", "Старое письмо " + marker));
        var id = (await kit.WaitForConversationAsync("Старое письмо " + marker))["id"]!.GetValue<long>();

        var uidValidity = Random.Shared.Next(1000, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Doveadm("mailbox", "update", "-u", kit.FirmAddress, "--uid-validity", uidValidity, "INBOX");
        Skip.IfNot(Doveadm("kick", kit.FirmAddress).Contains(kit.FirmAddress, StringComparison.OrdinalIgnoreCase), "doveadm is not available here (needs root and the test Dovecot).");
        await MailServer.SendAsync(MailServer.Letter(client, kit.FirmAddress, "Второе", "Новое письмо " + marker));

        await kit.WaitForMessageAsync(id, m => m["text"]!.GetValue<string>().Contains("Новое письмо " + marker, StringComparison.Ordinal), "the letter after the renumbering", TimeSpan.FromSeconds(45));
        var texts = (await kit.MessagesAsync(id)).Select(m => m!["text"]!.GetValue<string>()).ToList();
        Assert.Single(texts, t => t.Contains("Старое письмо " + marker, StringComparison.Ordinal)); // re-read, recognised by Message-ID
        Assert.Equal(2, texts.Count);
        await using var scope = App.Services.CreateAsyncScope();
        var cursor = await scope.ServiceProvider.GetRequiredService<OknoDbContext>().ChannelState.AsNoTracking()
            .SingleAsync(x => x.ChannelAccountId == Guid.Parse(kit.ChannelId) && x.Key == EmailConnector.CursorKey);
        Assert.StartsWith(uidValidity + ":", cursor.Value, StringComparison.Ordinal); // the cursor moved to the new numbering
    }

    /// <summary>Runs doveadm against the test Dovecot; returns its output ("" when it cannot run here).</summary>
    private static string Doveadm(params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("doveadm", ["-c", "/etc/dovecot/okno-test.conf", .. args]) { RedirectStandardOutput = true, RedirectStandardError = true });
            if (process is null) return "";
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(10_000);
            return process.ExitCode == 0 ? output : "";
        }
        catch (System.ComponentModel.Win32Exception) { return ""; }
    }
}

public sealed class EmailDeliverySqliteTests(SqliteOknoApp app) : EmailDeliveryTests<SqliteOknoApp>(app);

public sealed class EmailDeliveryPostgresTests(PostgresOknoApp app) : EmailDeliveryTests<PostgresOknoApp>(app);
