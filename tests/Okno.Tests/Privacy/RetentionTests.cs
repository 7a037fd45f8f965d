using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Core.Data;
using Okno.Core.Files;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Privacy;

/// <summary>Issue 15.3: retention removes exactly what its dry run lists, never what is under a legal hold (fake clock).</summary>
public abstract class RetentionTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : PrivacyApp
{
    private static long _client = 7_300_000 + Random.Shared.Next(0, 100_000) * 10;

    private async Task<(long Id, long ContactId)> ResolvedAsync(TelegramTestKit kit, bool withFile = false)
    {
        var user = Interlocked.Increment(ref _client);
        var tag = "хранение " + Guid.NewGuid().ToString("N")[..8];
        await kit.PostAsync(App.Sim.Telegram.TextUpdate(user, tag, "Пётр"));
        var c = await OknoApp.EventuallyAsync(() => kit.FindConversationAsync(tag), what: "the conversation");
        var id = c["id"]!.GetValue<long>();
        if (withFile)
        {
            await kit.PostAsync(App.Sim.Telegram.DocumentUpdate(user, "договор.pdf", "application/pdf", "%PDF-1.4 договор"u8.ToArray()));
            await OknoApp.EventuallyAsync(async () => (await StoredKeysAsync(id)).Count == 1, what: "the stored file");
        }
        using var admin = App.Api();
        (await admin.PostAsync($"/api/v1/conversations/{id}/resolve", null)).EnsureSuccessStatusCode();
        return (id, c["contactId"]!.GetValue<long>());
    }

    private async Task<List<string>> StoredKeysAsync(long conversationId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
        return await db.Attachments.Where(a => a.StorageKey != null && db.Messages.Any(m => m.Id == a.MessageId && m.ConversationId == conversationId))
            .Select(a => a.StorageKey!).ToListAsync();
    }

    private async Task<int> MessageCountAsync(long conversationId)
    {
        using var admin = App.Api();
        var page = await admin.GetFromJsonAsync<JsonObject>($"/api/v1/conversations/{conversationId}/messages");
        return page!["items"]!.AsArray().Count;
    }

    [SkippableFact]
    public async Task Run_DeletesExactlyWhatTheDryRunListed_NothingUnderHold()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        using var admin = App.Api();
        var old = await ResolvedAsync(kit, withFile: true);
        var heldConversation = await ResolvedAsync(kit);
        var heldContact = await ResolvedAsync(kit);
        (await admin.PostAsJsonAsync("/api/v1/legal-holds", new { conversationId = heldConversation.Id, reason = "Судебный спор А40-1/2027" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/v1/legal-holds", new { contactId = heldContact.ContactId, reason = "Запрос адвоката" })).EnsureSuccessStatusCode();
        App.Clock.Advance(TimeSpan.FromDays(200));
        var recent = await ResolvedAsync(kit);
        App.Clock.Advance(TimeSpan.FromDays(200)); // 400 days after the first three were resolved, 200 after the last
        var rules = await admin.PutAsJsonAsync("/api/v1/retention", new { rules = new[] { new { action = "delete", months = 12 } } });
        Assert.Equal(HttpStatusCode.OK, rules.StatusCode);
        var file = (await StoredKeysAsync(old.Id)).Single();
        var before = new Dictionary<long, int>();
        foreach (var id in new[] { old.Id, heldConversation.Id, heldContact.Id, recent.Id }) before[id] = await MessageCountAsync(id);

        var dry = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/retention/dry-run"))!;
        var ran = (await (await admin.PostAsync("/api/v1/retention/run", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        var again = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/retention/dry-run"))!;

        var listed = dry["items"]!.AsArray().Select(i => i!["conversationId"]!.GetValue<long>()).ToList();
        Assert.Equal([old.Id], listed.Where(id => id is var x && new[] { old.Id, heldConversation.Id, heldContact.Id, recent.Id }.Contains(x)));
        Assert.Equal(listed, ran["items"]!.AsArray().Select(i => i!["conversationId"]!.GetValue<long>()));
        Assert.Equal(before[old.Id], dry["items"]!.AsArray().Single(i => i!["conversationId"]!.GetValue<long>() == old.Id)!["messages"]!.GetValue<int>());
        Assert.Contains(heldConversation.Id, dry["heldConversationIds"]!.AsArray().Select(x => x!.GetValue<long>()));
        Assert.Contains(heldContact.Id, dry["heldConversationIds"]!.AsArray().Select(x => x!.GetValue<long>()));
        Assert.Empty(again["items"]!.AsArray());
        Assert.Equal(0, await MessageCountAsync(old.Id));
        foreach (var id in new[] { heldConversation.Id, heldContact.Id, recent.Id }) Assert.Equal(before[id], await MessageCountAsync(id));
        await using (var scope = App.Services.CreateAsyncScope())
            Assert.Null(await scope.ServiceProvider.GetRequiredService<IFileStore>().OpenAsync(file, default));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/conversations/{old.Id}")).StatusCode); // the row stays for statistics
        var audit = await PrivacyKit.AuditAsync(App, $"objectType=conversation&objectId={old.Id}");
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "retention.apply");
    }

    [SkippableFact]
    public async Task Anonymise_KeepsTheMessageCount_TextsGone_ReleasedHoldNoLongerProtects()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        using var admin = App.Api();
        var a = await ResolvedAsync(kit);
        var hold = (await (await admin.PostAsJsonAsync("/api/v1/legal-holds", new { conversationId = a.Id, reason = "Проверка" })).Content.ReadFromJsonAsync<JsonObject>())!;
        App.Clock.Advance(TimeSpan.FromDays(100));
        (await admin.PutAsJsonAsync("/api/v1/retention", new { rules = new[] { new { action = "anonymise", months = 3 } } })).EnsureSuccessStatusCode();
        var count = await MessageCountAsync(a.Id);

        var whileHeld = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/retention/dry-run"))!;
        (await admin.DeleteAsync($"/api/v1/legal-holds/{hold["id"]}")).EnsureSuccessStatusCode();
        var ran = (await (await admin.PostAsync("/api/v1/retention/run", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        var page = await admin.GetStringAsync($"/api/v1/conversations/{a.Id}/messages");

        Assert.DoesNotContain(whileHeld["items"]!.AsArray(), i => i!["conversationId"]!.GetValue<long>() == a.Id);
        Assert.Contains(ran["items"]!.AsArray(), i => i!["conversationId"]!.GetValue<long>() == a.Id && i["action"]!.GetValue<string>() == "anonymise");
        Assert.Equal(count, await MessageCountAsync(a.Id));
        Assert.DoesNotContain("хранение", page, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task BadInput_ClearProblems()
    {
        using var admin = App.Api();
        var noRules = await admin.PutAsJsonAsync("/api/v1/retention", new { });
        var badAction = await admin.PutAsJsonAsync("/api/v1/retention", new { rules = new[] { new { action = "burn", months = 12 } } });
        var badMonths = await admin.PutAsJsonAsync("/api/v1/retention", new { rules = new[] { new { action = "delete", months = 0 } } });
        var twice = await admin.PutAsJsonAsync("/api/v1/retention", new { rules = new[] { new { action = "delete", months = 12 }, new { action = "anonymise", months = 6 } } });
        var unknownChannel = await admin.PutAsJsonAsync("/api/v1/retention", new { rules = new[] { new { action = "delete", months = 12, channelId = Guid.NewGuid() } } });
        var both = await admin.PostAsJsonAsync("/api/v1/legal-holds", new { contactId = 1, conversationId = 1, reason = "x" });
        var noReason = await admin.PostAsJsonAsync("/api/v1/legal-holds", new { contactId = 1 });
        var missing = await admin.PostAsJsonAsync("/api/v1/legal-holds", new { conversationId = 99_999_999, reason = "x" });

        foreach (var r in new[] { noRules, badAction, badMonths, twice, unknownChannel, both, noReason }) Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("months", await badMonths.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}

public sealed class SqliteRetentionTests(SqliteRetentionApp app) : RetentionTests<SqliteRetentionApp>(app);

public sealed class PostgresRetentionTests(PostgresRetentionApp app) : RetentionTests<PostgresRetentionApp>(app);

/// <summary>The daily run stays off: the tests run retention themselves, between their dry runs.</summary>
public sealed class SqliteRetentionApp : PrivacyApp
{
    public SqliteRetentionApp() => Settings["Okno:Retention:RunDaily"] = "false";
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresRetentionApp : PrivacyApp
{
    public PostgresRetentionApp() => Settings["Okno:Retention:RunDaily"] = "false";
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
