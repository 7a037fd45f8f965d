using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.Max;

public abstract class MaxWebhookTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableFact]
    public async Task ChannelCreated_SubscribesWebhookWithSecret_TokenWithoutBearer()
    {
        var kit = await MaxTestKit.CreateAsync(App);

        var call = Assert.Single(kit.Sim.CallsTo("/subscriptions"), c => c.Headers["Authorization"] == kit.Token);
        Assert.Equal("POST", call.Method);
        Assert.Equal($"http://okno.test/webhooks/{kit.ChannelId}", call.Body["url"]!.GetValue<string>());
        Assert.Equal(kit.Secret, call.Body["secret"]!.GetValue<string>());
        var types = call.Body["update_types"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        Assert.Contains("message_created", types);
        Assert.Contains("bot_started", types);
        Assert.Equal($"http://okno.test/webhooks/{kit.ChannelId}", kit.Sim.Find(kit.Token)!.WebhookUrl);
        var channel = await App.GetJsonAsync($"/api/v1/channels/{kit.ChannelId}");
        Assert.Equal("connected", channel["status"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task MessageCreated_Text_StoredOnceWithPlatformTime()
    {
        var kit = await MaxTestKit.CreateAsync(App);
        var text = "Здравствуйте, вопрос по наследству " + Guid.NewGuid();
        var update = kit.Sim.TextUpdate(kit.Token, 1234567890, text, "Борис", "Д.");

        var response = await kit.PostAsync(update);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversation = await kit.FindConversationAsync(text);
        Assert.Equal("Борис Д.", conversation!["contactName"]!.GetValue<string>());
        var message = Assert.Single(await kit.MessagesAsync(conversation["id"]!.GetValue<long>()));
        Assert.Equal(update["message"]!["body"]!["mid"]!.GetValue<string>(), message!["externalId"]!.GetValue<string>());
        var contact = await App.GetJsonAsync($"/api/v1/contacts/{conversation["contactId"]}");
        Assert.Contains(contact["identities"]!.AsArray(), i => $"{i!["kind"]}:{i["value"]}" == "max:1234567890");
        var ms = update["timestamp"]!.GetValue<long>();
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(ms), message["sentAt"]!.GetValue<DateTimeOffset>());
    }

    [SkippableFact]
    public async Task Webhook_WrongOrMissingSecretHeader_RejectedAndNothingWritten()
    {
        var kit = await MaxTestKit.CreateAsync(App);
        var text = "Подделка " + Guid.NewGuid();

        var wrong = await kit.PostAsync(kit.Sim.TextUpdate(kit.Token, 1234567891, text), secretOverride: kit.Secret + "x");
        var missing = await kit.PostAsync(kit.Sim.TextUpdate(kit.Token, 1234567891, text), omitSecret: true);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Null(await kit.FindConversationAsync(text));
    }

    [SkippableFact]
    public async Task Webhook_MalformedJson_400WithProblemDetails()
    {
        var kit = await MaxTestKit.CreateAsync(App);
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/{kit.ChannelId}")
        {
            Content = new StringContent("{\"update_type\":\"message_created\",", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(Okno.Simulators.Max.MaxSimulator.SecretHeader, kit.Secret);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task MessageCreated_InGroupChat_IgnoredWith200()
    {
        var kit = await MaxTestKit.CreateAsync(App);
        var text = "Сообщение в групповом чате " + Guid.NewGuid();
        var update = kit.Sim.TextUpdate(kit.Token, 1234567896, text);
        update["message"]!["recipient"]!["chat_type"] = "chat";

        var response = await kit.PostAsync(update);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await kit.FindConversationAsync(text));
    }

    [SkippableFact]
    public async Task MessageCreated_SameMidRedelivered_StoredOnce()
    {
        var kit = await MaxTestKit.CreateAsync(App);
        var text = "Повтор " + Guid.NewGuid();
        var update = kit.Sim.TextUpdate(kit.Token, 1234567892, text);

        var codes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            (await kit.PostAsync((JsonObject)update.DeepClone())).StatusCode)));

        Assert.All(codes, c => Assert.Equal(HttpStatusCode.OK, c));
        var conversation = await kit.FindConversationAsync(text);
        Assert.Single(await kit.MessagesAsync(conversation!["id"]!.GetValue<long>()));
    }

    [SkippableFact]
    public async Task MessageCreated_Image_DownloadedFromPayloadUrl()
    {
        var kit = await MaxTestKit.CreateAsync(App);
        var bytes = Encoding.UTF8.GetBytes("max-jpeg-" + Guid.NewGuid());
        var text = "Скан завещания " + Guid.NewGuid();

        await kit.PostAsync(kit.Sim.ImageUpdate(kit.Token, 1234567893, text, bytes));

        var id = (await kit.FindConversationAsync(text))!["id"]!.GetValue<long>();
        var url = await OknoApp.EventuallyAsync(async () =>
            (await kit.MessagesAsync(id))[0]!["attachments"]!.AsArray().FirstOrDefault()?["url"]?.GetValue<string>(), what: "the image to be stored");
        using var client = App.Api();
        Assert.Equal(bytes, await client.GetByteArrayAsync(url));
    }

    [SkippableFact]
    public async Task MessageCreated_OwnContactAndLocation_PhoneLinkedAndTextShown()
    {
        var kit = await MaxTestKit.CreateAsync(App);
        const long user = 1234567894;
        var phone = "+7 916 " + Random.Shared.Next(100, 999) + "-" + Random.Shared.Next(10, 99) + "-" + Random.Shared.Next(10, 99);

        await kit.PostAsync(kit.Sim.ContactUpdate(kit.Token, user, "Борис Д.", phone));
        await kit.PostAsync(kit.Sim.LocationUpdate(kit.Token, user, 59.93863, 30.31413));

        var conversation = await kit.FindConversationAsync("📍 Геопозиция: 59.93863, 30.31413");
        var messages = await kit.MessagesAsync(conversation!["id"]!.GetValue<long>());
        Assert.Contains(messages, m => m!["text"]!.GetValue<string>().StartsWith("📇 Контакт: Борис Д.", StringComparison.Ordinal));
        var contact = await App.GetJsonAsync($"/api/v1/contacts/{conversation["contactId"]}");
        var identities = contact["identities"]!.AsArray().Select(i => $"{i!["kind"]}:{i["value"]}").ToList();
        Assert.Contains("max:1234567894", identities);
        Assert.Contains(identities, i => i.StartsWith("phone:+7916", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task BotStarted_OpensConversationWithStartMessage()
    {
        var kit = await MaxTestKit.CreateAsync(App);
        const long user = 1234567895;

        var response = await kit.PostAsync(kit.Sim.BotStarted(kit.Token, user, "Ирина", payload: "site-form"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversations = (await App.GetJsonAsync("/api/v1/conversations?limit=200"))["items"]!.AsArray();
        var conversation = Assert.Single(conversations, c => c!["contactName"]?.GetValue<string>() == "Ирина"
            && c["lastMessagePreview"]!.GetValue<string>() == "Клиент запустил бота (метка: site-form)");
        Assert.Contains("site-form", conversation!["sourceDetails"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

public sealed class MaxWebhookSqliteTests(SqliteOknoApp app) : MaxWebhookTests<SqliteOknoApp>(app);

public sealed class MaxWebhookPostgresTests(PostgresOknoApp app) : MaxWebhookTests<PostgresOknoApp>(app);
