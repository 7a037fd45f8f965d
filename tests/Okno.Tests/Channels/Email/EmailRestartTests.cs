using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Channels.Email;
using Okno.Core.Data;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.Email;

/// <summary>Stop Okno, let mail arrive, start it again on the same database: nothing twice, nothing skipped.</summary>
public abstract class EmailRestartTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableFact]
    public async Task Restart_WithLetterArrivedWhileDown_ImportsItOnceAndNothingTwice()
    {
        var before = App.WithWebHostBuilder(_ => { });
        var kit = await EmailTestKit.CreateAsync(before);
        var client = MailServer.NewAddress("client");
        var marker = Guid.NewGuid().ToString("N");
        await MailServer.SendAsync(MailServer.Letter(client, kit.FirmAddress, "До перезапуска", "Первое " + marker));
        var conversation = await kit.WaitForConversationAsync("Первое " + marker);
        var id = conversation["id"]!.GetValue<long>();
        await before.DisposeAsync();

        await MailServer.SendAsync(MailServer.Letter(client, kit.FirmAddress, "Пока Окно выключено", "Второе " + marker));
        await using var after = App.WithWebHostBuilder(_ => { });
        var restarted = kit.On(after);
        await restarted.WaitForMessageAsync(id, m => m["text"]!.GetValue<string>().Contains("Второе " + marker, StringComparison.Ordinal), "the letter that arrived while Okno was down");

        var texts = (await restarted.MessagesAsync(id)).Select(m => m!["text"]!.GetValue<string>()).ToList();
        Assert.Equal(2, texts.Count);
        Assert.Single(texts, t => t.Contains("Первое " + marker, StringComparison.Ordinal));
        Assert.Single(await restarted.ConversationsWithAsync(marker));
        await using var scope = after.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
        var cursor = await db.ChannelState.AsNoTracking().SingleAsync(s => s.ChannelAccountId == Guid.Parse(kit.ChannelId) && s.Key == EmailConnector.CursorKey);
        Assert.EndsWith(":2", cursor.Value, StringComparison.Ordinal); // the durable cursor stands after the second letter's UID
    }
}

public sealed class EmailRestartSqliteTests(SqliteOknoApp app) : EmailRestartTests<SqliteOknoApp>(app);

public sealed class EmailRestartPostgresTests(PostgresOknoApp app) : EmailRestartTests<PostgresOknoApp>(app);
