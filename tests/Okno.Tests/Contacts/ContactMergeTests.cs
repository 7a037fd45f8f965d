using System.Net;
using System.Net.Http.Json;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Contacts;

public abstract class ContactMergeTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableFact]
    public async Task Merge_TwoOpenRequests_OneContactOneOpenConversationWholeHistory()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var a = "Пишу с рабочего " + Guid.NewGuid();
        var b = "Пишу с личного " + Guid.NewGuid();
        await kit.PostAsync(App.Sim.Telegram.TextUpdate(9201, a));
        await kit.PostAsync(App.Sim.Telegram.TextUpdate(9202, b));
        var first = (await kit.FindConversationAsync(a))!;
        var second = (await kit.FindConversationAsync(b))!;
        using var client = App.Api();

        var response = await client.PostAsJsonAsync($"/api/v1/contacts/{first["contactId"]}/merge", new { otherContactId = second["contactId"]!.GetValue<long>() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var history = await App.GetJsonAsync($"/api/v1/contacts/{first["contactId"]}/messages");
        var texts = history["items"]!.AsArray().Select(m => m!["text"]!.GetValue<string>()).ToList();
        Assert.Contains(a, texts);
        Assert.Contains(b, texts);
        var open = await App.GetJsonAsync($"/api/v1/conversations?contactId={first["contactId"]}&status=open");
        Assert.Single(open["items"]!.AsArray());
        var contact = await App.GetJsonAsync($"/api/v1/contacts/{first["contactId"]}");
        Assert.Equal(2, contact["identities"]!.AsArray().Count);
    }

    [SkippableFact]
    public async Task Merge_WithItself_422()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var text = "Один " + Guid.NewGuid();
        await kit.PostAsync(App.Sim.Telegram.TextUpdate(9203, text));
        var c = (await kit.FindConversationAsync(text))!;
        using var client = App.Api();
        var response = await client.PostAsJsonAsync($"/api/v1/contacts/{c["contactId"]}/merge", new { otherContactId = c["contactId"]!.GetValue<long>() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }
}

public sealed class ContactMergeSqliteTests(SqliteOknoApp app) : ContactMergeTests<SqliteOknoApp>(app);

public sealed class ContactMergePostgresTests(PostgresOknoApp app) : ContactMergeTests<PostgresOknoApp>(app);
