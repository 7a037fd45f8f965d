using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json.Nodes;
using Okno.Channels.Email;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Security;

/// <summary>
/// Issue 10.20 (the parts on data): an attachment id oracle (403 vs 404), a masked name saved back over the real one,
/// unbounded hand-off comments, reasons and user names.
/// </summary>
public abstract class SmallerFindingsTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private const string Password = "Staff-pass-12345";
    private static long _nextUser = 440_000 + Random.Shared.Next(1000) * 100;

    private async Task<(HttpClient Client, long Id)> StaffAsync(string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@test.local";
        using var admin = App.Api();
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { email, name = "Сотрудник", role, password = Password });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var client = App.CreateClient(new() { HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-Okno-Request", "1");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password })).StatusCode);
        return (client, (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>());
    }

    private async Task<JsonObject> TelegramConversationAsync(TelegramTestKit kit, JsonObject update, string tag)
    {
        Assert.Equal(HttpStatusCode.OK, (await kit.PostAsync(update)).StatusCode);
        return await OknoApp.EventuallyAsync(() => kit.FindConversationAsync(tag), what: "the conversation " + tag);
    }

    [SkippableFact]
    public async Task GetAttachment_NotYoursAndNotThere_SameNotFound()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var conversation = await TelegramConversationAsync(kit, App.Sim.Telegram.DocumentUpdate(Interlocked.Increment(ref _nextUser), "иск.pdf", "application/pdf", "%PDF-1.4"u8.ToArray(), "иск " + tag), tag);
        var attachment = await OknoApp.EventuallyAsync(async () =>
            (await kit.MessagesAsync(conversation["id"]!.GetValue<long>())).SelectMany(m => m!["attachments"]!.AsArray()).FirstOrDefault(a => a!["url"] is not null)?.AsObject());
        var (lawyer, _) = await StaffAsync("lawyer");

        var notYours = await lawyer.GetAsync(attachment["url"]!.GetValue<string>());
        var notThere = await lawyer.GetAsync($"/api/v1/attachments/{attachment["id"]!.GetValue<long>() + 1_000_000}");

        Assert.Equal(HttpStatusCode.NotFound, notYours.StatusCode);
        Assert.Equal(notThere.StatusCode, notYours.StatusCode);
        Assert.Equal(notThere.Content.Headers.ContentType?.MediaType, notYours.Content.Headers.ContentType?.MediaType);
        Assert.Equal(notThere.Content.Headers.ContentLength.HasValue, notYours.Content.Headers.ContentLength.HasValue);
    }

    [SkippableFact]
    public async Task Rename_OperatorSavesTheMaskedNameBack_RealNameKept()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var conversation = await TelegramConversationAsync(kit, App.Sim.Telegram.TextUpdate(Interlocked.Increment(ref _nextUser), "Вопрос " + tag, "Сергей", "89165550123"), tag);
        var contactId = conversation["contactId"]!.GetValue<long>();
        var (op, _) = await StaffAsync("operator");
        var shown = (await op.GetFromJsonAsync<JsonObject>($"/api/v1/contacts/{contactId}"))!["name"]!.GetValue<string>();
        Assert.Equal("Сергей +7 *** ***-01-23", shown);

        var saved = await op.PatchAsJsonAsync($"/api/v1/contacts/{contactId}", new { name = shown });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("Сергей 89165550123", (await App.GetJsonAsync($"/api/v1/contacts/{contactId}"))["name"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Rename_OperatorTypesANewName_Saved()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var conversation = await TelegramConversationAsync(kit, App.Sim.Telegram.TextUpdate(Interlocked.Increment(ref _nextUser), "Вопрос " + tag, "Сергей", "89165550124"), tag);
        var contactId = conversation["contactId"]!.GetValue<long>();
        var (op, _) = await StaffAsync("operator");

        await op.PatchAsJsonAsync($"/api/v1/contacts/{contactId}", new { name = "Сергей Кузнецов" });

        Assert.Equal("Сергей Кузнецов", (await App.GetJsonAsync($"/api/v1/contacts/{contactId}"))["name"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData("handoff", "comment", 1001)]
    [InlineData("target", "reason", 201)]
    public async Task ConversationAction_OverlongText_ProblemNamingTheField(string action, string field, int length)
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var conversation = await TelegramConversationAsync(kit, App.Sim.Telegram.TextUpdate(Interlocked.Increment(ref _nextUser), "Вопрос " + tag), tag);
        var (_, colleague) = await StaffAsync("lawyer");
        var body = action == "handoff"
            ? new JsonObject { ["toUserId"] = colleague, ["comment"] = new string('я', length) }
            : new JsonObject { ["isTarget"] = false, ["reason"] = new string('я', length) };
        using var admin = App.Api();

        var response = await admin.PostAsJsonAsync($"/api/v1/conversations/{conversation["id"]}/{action}", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]![field]);
    }

    [SkippableFact]
    public async Task Users_OverlongName_ProblemNamingTheField()
    {
        using var admin = App.Api();
        var name = new string('Ж', 101);

        var created = await admin.PostAsJsonAsync("/api/v1/users", new { email = $"long-{Guid.NewGuid():N}@test.local", name, role = "operator", password = Password });
        var (_, id) = await StaffAsync("operator");
        var updated = await admin.PatchAsJsonAsync($"/api/v1/users/{id}", new { name });

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.NotNull((await created.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["name"]);
        Assert.Equal(HttpStatusCode.BadRequest, updated.StatusCode);
        Assert.NotNull((await updated.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["name"]);
    }
}

public sealed class SqliteSmallerFindingsTests(SqliteOknoApp app) : SmallerFindingsTests<SqliteOknoApp>(app);
public sealed class PostgresSmallerFindingsTests(PostgresOknoApp app) : SmallerFindingsTests<PostgresOknoApp>(app);

/// <summary>Issue 10.20: one global lock around the HTML sanitizer made every mailbox wait for the slowest letter.</summary>
public sealed class SanitizerSerialisationTests
{
    [Fact]
    public async Task HtmlToText_WhileAnotherLetterHoldsTheSanitizer_DoesNotWait()
    {
        // Before the fix a static HtmlSanitizer was the lock: hold whatever shared sanitizer there is, as a slow letter would.
        var shared = typeof(EmailText).GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            .Where(f => f.FieldType == typeof(Ganss.Xss.HtmlSanitizer)).Select(f => f.GetValue(null)!).FirstOrDefault();
        var gate = shared ?? new object();
        var held = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        var holder = Task.Run(() => { lock (gate) { held.Set(); release.Wait(TimeSpan.FromSeconds(20)); } });
        held.Wait();
        try
        {
            var parse = Task.Run(() => EmailText.HtmlToText("<p>Добрый день</p><script>alert(1)</script>"));

            var finished = await Task.WhenAny(parse, Task.Delay(TimeSpan.FromSeconds(5))) == parse;

            Assert.True(finished, "parsing a letter waited for another letter's sanitising");
            Assert.Equal("Добрый день", await parse);
        }
        finally
        {
            release.Set();
            await holder;
        }
    }

    [Fact]
    public void HtmlToText_ManyLettersInParallel_EachSanitised()
    {
        var results = Enumerable.Range(0, 64).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => EmailText.HtmlToText($"<div onclick=\"steal()\">Письмо {i}</div><script>steal({i})</script><img src=x onerror=steal()>")).ToList();

        Assert.All(results.Select((text, i) => (text, i)), r => Assert.Equal($"Письмо {r.i}", r.text));
    }
}
