using System.Net;
using System.Text.Json.Nodes;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;
using Okno.Tests.Security;

namespace Okno.Tests.Search;

/// <summary>Issue 17.4: GET /api/v1/search over the whole history, on both providers.</summary>
public abstract class SearchTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private static long _user = 880_000 + Random.Shared.Next(1000) * 100;

    /// <summary>A word of Latin letters only: unique per test, and not a digit run a masked role's query would drop.</summary>
    private static string Tag() => new(Enumerable.Range(0, 8).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());

    private async Task<JsonArray> SearchAsync(string q, HttpClient? as_ = null)
    {
        using var own = as_ is null ? App.Api() : null;
        var client = as_ ?? own!;
        using var response = await client.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(q));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!["items"]!.AsArray();
    }

    private async Task<JsonArray> EventuallyFoundAsync(string q, int count = 1) =>
        await OknoApp.EventuallyAsync(async () => await SearchAsync(q) is { Count: var n } items && n >= count ? items : null, what: $"search «{q}»");

    private async Task<long> WritesAsync(TelegramTestKit kit, long user, string text)
    {
        Assert.Equal(HttpStatusCode.OK, (await kit.PostAsync(App.Sim.Telegram.TextUpdate(user, text, "Анна", "Поиск"))).StatusCode);
        return (await OknoApp.EventuallyAsync(() => kit.FindConversationAsync(text), what: "the conversation"))["id"]!.GetValue<long>();
    }

    [SkippableFact]
    public async Task WordForms_Phrases_Prefixes_Snippets()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var tag = Tag();
        var conversation = await WritesAsync(kit, Interlocked.Increment(ref _user), $"Прошу проверить договор аренды квартиры <срочно> {tag}");
        await WritesAsync(kit, Interlocked.Increment(ref _user), $"Незаконное увольнение без предупреждения {tag}");

        var hit = Assert.Single(await EventuallyFoundAsync($"договора {tag}"));
        Assert.Equal(conversation, hit!["conversationId"]!.GetValue<long>());
        Assert.Equal(kit.ChannelId, hit["channelId"]!.GetValue<string>());
        Assert.True(hit["messageId"]!.GetValue<long>() > 0 && hit["contactId"]!.GetValue<long>() > 0);
        var snippet = hit["snippet"]!.GetValue<string>();
        Assert.Contains("<mark>договор</mark>", snippet, StringComparison.Ordinal);
        Assert.Contains("&lt;срочно&gt;", snippet, StringComparison.Ordinal);

        Assert.Single(await SearchAsync($"договором {tag}"));
        Assert.Single(await SearchAsync($"ДОГОВОРЫ АРЕНДА {tag}"));
        Assert.Single(await SearchAsync($"догов* {tag}"));
        Assert.Single(await SearchAsync($"\"договор аренды\" {tag}"));
        Assert.Empty(await SearchAsync($"\"аренды договор\" {tag}"));
        // A derivation the stemmer keeps apart (увол / увольнен) is still found from the verb.
        Assert.Contains("<mark>увольнение</mark>", Assert.Single(await SearchAsync($"уволили {tag}"))!["snippet"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, (await SearchAsync(tag)).Count);
        Assert.Empty(await SearchAsync($"наследство {tag}"));
    }

    [SkippableFact]
    public async Task ChannelFilter_OnlyThatChannelsHits_NewestFirst()
    {
        var first = await TelegramTestKit.CreateAsync(App);
        var second = await TelegramTestKit.CreateAsync(App);
        var tag = Tag();
        await WritesAsync(first, Interlocked.Increment(ref _user), $"Вопрос о наследстве, первый бот {tag}");
        await WritesAsync(second, Interlocked.Increment(ref _user), $"Наследство после отца, второй бот {tag}");
        await WritesAsync(second, Interlocked.Increment(ref _user), $"Наследственное дело, второй бот ещё {tag}");
        await EventuallyFoundAsync($"наследство {tag}", 3); // all three indexed (the index follows ingest within about a second)

        using var api = App.Api();
        var page = JsonNode.Parse(await api.GetStringAsync($"/api/v1/search?q={Uri.EscapeDataString("наследство " + tag)}&channelId={second.ChannelId}"))!["items"]!.AsArray();

        Assert.Equal(2, page.Count);
        Assert.All(page, h => Assert.Equal(second.ChannelId, h!["channelId"]!.GetValue<string>()));
        Assert.True(page[0]!["messageId"]!.GetValue<long>() > page[1]!["messageId"]!.GetValue<long>());
        var other = JsonNode.Parse(await api.GetStringAsync($"/api/v1/search?q={Uri.EscapeDataString("наследство " + tag)}&channelId={first.ChannelId}"))!["items"]!.AsArray();
        Assert.Contains("первый бот", Assert.Single(other)!["snippet"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Edit_FileName_Merge_KeepTheIndexInStep()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var tag = Tag();
        var user = Interlocked.Increment(ref _user);
        var conversation = await WritesAsync(kit, user, $"Вопрос про алименты {tag}");
        var messageId = (await EventuallyFoundAsync($"алименты {tag}")).Single()!["messageId"]!.GetValue<long>();
        var platformId = (await kit.MessagesAsync(conversation)).Single(m => m!["id"]!.GetValue<long>() == messageId)!["externalId"]!.GetValue<string>();

        // An edit on the platform: the new words are found, the old ones are not.
        Assert.Equal(HttpStatusCode.OK, (await kit.PostAsync(App.Sim.Telegram.EditedUpdate(user, long.Parse(platformId.Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture), $"Вопрос про наследство {tag}"))).StatusCode);
        await EventuallyFoundAsync($"наследство {tag}");
        Assert.Empty(await SearchAsync($"алименты {tag}"));

        // A file is found by its name.
        Assert.Equal(HttpStatusCode.OK, (await kit.PostAsync(App.Sim.Telegram.DocumentUpdate(user, $"Исковое_заявление_{tag}.pdf", "application/pdf", "%PDF-1.4"u8.ToArray()))).StatusCode);
        var file = (await EventuallyFoundAsync($"исковое {tag}")).Single();
        Assert.Contains("<mark>Исковое</mark>", file!["snippet"]!.GetValue<string>(), StringComparison.Ordinal);

        // After a merge the hits point at the surviving contact.
        var other = await WritesAsync(kit, Interlocked.Increment(ref _user), $"Я с другого аккаунта {tag}");
        var survivor = (await App.GetJsonAsync($"/api/v1/conversations/{other}"))["contactId"]!.GetValue<long>();
        var merged = (await App.GetJsonAsync($"/api/v1/conversations/{conversation}"))["contactId"]!.GetValue<long>();
        using (var api = App.Api())
            Assert.True((await api.PostAsync($"/api/v1/contacts/{survivor}/merge", System.Net.Http.Json.JsonContent.Create(new { otherContactId = merged }))).IsSuccessStatusCode);
        Assert.All(await SearchAsync($"наследство {tag}"), h => Assert.Equal(survivor, h!["contactId"]!.GetValue<long>()));
    }

    [SkippableFact]
    public async Task Visibility_Masking_Paging_Validation()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var tag = Tag();
        var phone = "+7916" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await WritesAsync(kit, Interlocked.Increment(ref _user), $"Мой номер {phone}, перезвоните по поводу развода {tag}");
        for (var i = 0; i < 3; i++) await WritesAsync(kit, Interlocked.Increment(ref _user), $"Ещё один развод номер {i} {tag}");
        await EventuallyFoundAsync($"развод {tag}", 4);

        // An operator sees every conversation but not phones: the snippet is masked and digits find nothing.
        var (opEmail, _) = await SecurityKit.CreateUserAsync(App, "operator");
        using var op = await SecurityKit.SignedInAsync(App, opEmail);
        var opHits = await SearchAsync($"перезвоните {tag}", op);
        var snippet = Assert.Single(opHits)!["snippet"]!.GetValue<string>();
        Assert.DoesNotContain(phone[2..], snippet, StringComparison.Ordinal);
        Assert.Empty(await SearchAsync(phone[1..], op));
        Assert.Single(await SearchAsync($"{phone[1..]} {tag}"));

        // A lawyer sees only what is theirs: nothing here.
        var (lawyerEmail, _) = await SecurityKit.CreateUserAsync(App, "lawyer");
        using var lawyer = await SecurityKit.SignedInAsync(App, lawyerEmail);
        Assert.Empty(await SearchAsync($"развод {tag}", lawyer));

        // Pages: newest first, a cursor to the next page, no repeats.
        var first = await App.GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString("развод " + tag)}&limit=2");
        Assert.Equal(2, first["items"]!.AsArray().Count);
        Assert.NotNull(first["nextCursor"]?.GetValue<string>());
        using var api = App.Api();
        foreach (var bad in new[] { "", "q=", "q=" + new string('а', 201), $"q={tag}&cursor=abc", $"q={tag}&from=2026-12-02&to=2026-12-01", $"q={tag}&limit=0", $"q={tag}&limit=51" })
        {
            using var response = await api.GetAsync("/api/v1/search?" + bad);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        var ids = first["items"]!.AsArray().Select(i => i!["messageId"]!.GetValue<long>()).ToList();
        Assert.Equal(ids.OrderByDescending(x => x), ids);
        var cursor = first["nextCursor"]!.GetValue<string>();
        var rest = await App.GetJsonAsync($"/api/v1/search?q={Uri.EscapeDataString("развод " + tag)}&cursor={cursor}");
        var more = rest["items"]!.AsArray().Select(i => i!["messageId"]!.GetValue<long>()).ToList();
        Assert.Equal(2, more.Count);
        Assert.All(more, id => Assert.True(id < ids[1]));
        Assert.Null(rest["nextCursor"]?.GetValue<string>());
    }
}

public sealed class SqliteSearchTests(SqliteOknoApp app) : SearchTests<SqliteOknoApp>(app);

public sealed class PostgresSearchTests(PostgresOknoApp app) : SearchTests<PostgresOknoApp>(app);
