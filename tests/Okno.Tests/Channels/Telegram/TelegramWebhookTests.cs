using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.Telegram;

public abstract class TelegramWebhookTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableFact]
    public async Task Webhook_TextUpdate_AppearsOnceInAConversation()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var text = "Здравствуйте, вопрос по разводу " + Guid.NewGuid();
        var response = await kit.PostAsync(App.Sim.Telegram.TextUpdate(5001, text, "Анна", "Смирнова"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversation = await kit.FindConversationAsync(text);
        Assert.NotNull(conversation);
        var messages = await kit.MessagesAsync(conversation["id"]!.GetValue<long>());
        var inbound = Assert.Single(messages, m => m!["text"]!.GetValue<string>() == text);
        Assert.Equal("inbound", inbound!["direction"]!.GetValue<string>());
        Assert.Equal(kit.ChannelId, inbound["channelId"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Webhook_SameUpdate10TimesFrom16Threads_StoredOnce()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var text = "Повторная доставка " + Guid.NewGuid();
        var update = App.Sim.Telegram.TextUpdate(5002, text);

        var posts = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            var codes = new List<HttpStatusCode>();
            for (var i = 0; i < 10; i++) codes.Add((await kit.PostAsync((JsonObject)update.DeepClone())).StatusCode);
            return codes;
        }));
        var results = (await Task.WhenAll(posts)).SelectMany(c => c).ToList();

        Assert.All(results, code => Assert.Equal(HttpStatusCode.OK, code));
        var conversation = await kit.FindConversationAsync(text);
        var messages = await kit.MessagesAsync(conversation!["id"]!.GetValue<long>());
        Assert.Single(messages, m => m!["text"]!.GetValue<string>() == text);
    }

    [SkippableFact]
    public async Task Webhook_SharedPhone_LinksToContactThatHasThePhone()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        await kit.PostAsync(App.Sim.Telegram.SharedContactUpdate(5003, "+7 916 555-01-23"));
        var first = await kit.FindConversationAsync("555-01-23") ?? await kit.FindConversationAsync("79165550123");
        Assert.NotNull(first);

        // The same person from a second Telegram account shares the same number written differently.
        var text = "Это я же, со второго аккаунта " + Guid.NewGuid();
        await kit.PostAsync(App.Sim.Telegram.SharedContactUpdate(5004, "89165550123"));
        await kit.PostAsync(App.Sim.Telegram.TextUpdate(5004, text));

        var second = await kit.FindConversationAsync(text);
        Assert.Equal(first["contactId"]!.GetValue<long>(), second!["contactId"]!.GetValue<long>());
        var contact = await App.GetJsonAsync($"/api/v1/contacts/{first["contactId"]}");
        var identities = contact["identities"]!.AsArray().Select(i => $"{i!["kind"]}:{i["value"]}").ToList();
        Assert.Contains("phone:+79165550123", identities);
        Assert.Contains("telegram:5003", identities);
        Assert.Contains("telegram:5004", identities);
    }

    [SkippableFact]
    public async Task Webhook_WrongOrMissingSecret_RejectedAndNothingWritten()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var text = "Подделка " + Guid.NewGuid();

        var wrong = await kit.PostAsync(App.Sim.Telegram.TextUpdate(5005, text), secretOverride: "not-the-secret");
        var missing = await kit.PostAsync(App.Sim.Telegram.TextUpdate(5005, text), omitSecret: true);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Null(await kit.FindConversationAsync(text));
    }

    [SkippableFact]
    public async Task Webhook_MalformedJson_400WithProblemDetails()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/{kit.ChannelId}") { Content = new StringContent("{\"update_id\": 1, \"message\": {", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", kit.Secret);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task Webhook_UnknownChannel_404()
    {
        using var client = App.CreateClient();
        var response = await client.PostAsync($"/webhooks/{Guid.NewGuid()}", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task Webhook_BodyOver1MB_413()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var update = App.Sim.Telegram.TextUpdate(5006, new string('я', 600_000)); // 1.2 MB in UTF-8
        var response = await kit.PostAsync(update);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [SkippableFact]
    public async Task Webhook_EditedMessage_UpdatesTextInPlace()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var original = App.Sim.Telegram.TextUpdate(5007, "Первая версия " + Guid.NewGuid());
        await kit.PostAsync(original);
        var messageId = original["message"]!["message_id"]!.GetValue<long>();
        var edited = "Исправленная версия " + Guid.NewGuid();

        await kit.PostAsync(App.Sim.Telegram.EditedUpdate(5007, messageId, edited));

        var conversation = await kit.FindConversationAsync("Первая версия");
        var messages = await kit.MessagesAsync(conversation!["id"]!.GetValue<long>());
        var message = Assert.Single(messages);
        Assert.Equal(edited, message!["text"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Webhook_Photo_LargestSizeDownloadedAndServed()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var bytes = Encoding.UTF8.GetBytes("fake-jpeg-" + Guid.NewGuid());
        var caption = "Скан договора " + Guid.NewGuid();
        await kit.PostAsync(App.Sim.Telegram.PhotoUpdate(5008, caption, bytes));
        var conversation = await kit.FindConversationAsync(caption);
        var id = conversation!["id"]!.GetValue<long>();

        var url = await OknoApp.EventuallyAsync(async () =>
            (await kit.MessagesAsync(id))[0]!["attachments"]!.AsArray().FirstOrDefault()?["url"]?.GetValue<string>(), what: "the photo to be stored");
        using var client = App.Api();
        Assert.Equal(bytes, await client.GetByteArrayAsync(url));
    }
}

public sealed class TelegramWebhookSqliteTests(SqliteOknoApp app) : TelegramWebhookTests<SqliteOknoApp>(app);

public sealed class TelegramWebhookPostgresTests(PostgresOknoApp app) : TelegramWebhookTests<PostgresOknoApp>(app);
