using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Channels.WebChat;

public abstract class WebChatWidgetTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableFact]
    public async Task Message_FirstOne_OpensConversationWithUtmSource()
    {
        var kit = await WebChatTestKit.CreateAsync(App);
        var token = (await kit.SessionAsync())["token"]!.GetValue<string>();
        var text = "Нужна консультация по наследству " + Guid.NewGuid();
        var source = new JsonObject { ["url"] = "https://firm.example/nasledstvo?utm_source=yandex&utm_campaign=spring", ["referrer"] = "https://ya.ru/", ["utmSource"] = "yandex", ["utmCampaign"] = "spring" };

        var response = await kit.PostMessageAsync(token, text, source: source);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversation = await kit.FindConversationAsync(text);
        var details = JsonNode.Parse(conversation!["sourceDetails"]!.GetValue<string>())!;
        Assert.Equal("yandex", details["utm_source"]!.GetValue<string>());
        Assert.Equal("spring", details["utm_campaign"]!.GetValue<string>());
        Assert.Equal("https://ya.ru/", details["referrer"]!.GetValue<string>());
        Assert.Equal(kit.ChannelId, conversation["sourceChannelId"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Message_RetriedWithSameId_StoredOnce()
    {
        var kit = await WebChatTestKit.CreateAsync(App);
        var token = (await kit.SessionAsync())["token"]!.GetValue<string>();
        var text = "Повтор отправки " + Guid.NewGuid();
        var id = Guid.NewGuid().ToString("N");

        var codes = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => kit.PostMessageAsync(token, text, id)));

        Assert.All(codes, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(await kit.HistoryAsync(token));
        var conversation = await kit.FindConversationAsync(text);
        Assert.Single(await kit.MessagesAsync(conversation!["id"]!.GetValue<long>()));
    }

    [SkippableFact]
    public async Task Session_ResumedWithToken_HistoryKeptAndOtherVisitorSeesNothing()
    {
        var kit = await WebChatTestKit.CreateAsync(App);
        var first = (await kit.SessionAsync())["token"]!.GetValue<string>();
        await kit.PostMessageAsync(first, "Первое сообщение " + Guid.NewGuid());

        var resumed = (await kit.SessionAsync(new JsonObject { ["token"] = first }))["token"]!.GetValue<string>();
        var stranger = (await kit.SessionAsync())["token"]!.GetValue<string>();

        Assert.Single(await kit.HistoryAsync(resumed));
        Assert.Empty(await kit.HistoryAsync(stranger));
        var unauthorized = await kit.SendAsync(HttpMethod.Get, "/messages", token: "forged-token");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }

    [SkippableFact]
    public async Task Session_WrongHmac_VisitorNotLinkedToTheUsersContact()
    {
        var kit = await WebChatTestKit.CreateAsync(App);
        var userId = "client-" + Guid.NewGuid().ToString("N")[..8];
        var owner = await kit.SessionAsync(new JsonObject { ["userId"] = userId, ["userHash"] = WebChatTestKit.UserHash(userId) });
        var ownerText = "Я клиент бюро " + Guid.NewGuid();
        await kit.PostMessageAsync(owner["token"]!.GetValue<string>(), ownerText);
        var ownerContact = (await kit.FindConversationAsync(ownerText))!["contactId"]!.GetValue<long>();

        var impostor = await kit.SessionAsync(new JsonObject { ["userId"] = userId, ["userHash"] = WebChatTestKit.UserHash(userId, "wrong-secret-0123456789") });
        var impostorText = "Покажите мою переписку " + Guid.NewGuid();
        await kit.PostMessageAsync(impostor["token"]!.GetValue<string>(), impostorText);
        var sameDevice = await kit.SessionAsync(new JsonObject { ["userId"] = userId, ["userHash"] = WebChatTestKit.UserHash(userId) });

        Assert.True(owner["identified"]!.GetValue<bool>());
        Assert.False(impostor["identified"]!.GetValue<bool>());
        Assert.NotEqual(ownerContact, (await kit.FindConversationAsync(impostorText))!["contactId"]!.GetValue<long>());
        Assert.Empty(await kit.HistoryAsync(impostor["token"]!.GetValue<string>()).ContinueWith(t => t.Result.Where(m => m!["text"]!.GetValue<string>() == ownerText)));
        // The right hash on another device: the same visitor, the same history.
        Assert.Contains(await kit.HistoryAsync(sameDevice["token"]!.GetValue<string>()), m => m!["text"]!.GetValue<string>() == ownerText);
    }

    [SkippableFact]
    public async Task Session_VerifiedTokenWithoutUserHash_StartsAnonymousWithEmptyHistory()
    {
        var kit = await WebChatTestKit.CreateAsync(App);
        var userId = "client-" + Guid.NewGuid().ToString("N")[..8];
        var verified = await kit.SessionAsync(new JsonObject { ["userId"] = userId, ["userHash"] = WebChatTestKit.UserHash(userId) });
        await kit.PostMessageAsync(verified["token"]!.GetValue<string>(), "Личный вопрос " + Guid.NewGuid());

        var afterLogout = await kit.SessionAsync(new JsonObject { ["token"] = verified["token"]!.DeepClone() });

        Assert.False(afterLogout["identified"]!.GetValue<bool>());
        Assert.Empty(await kit.HistoryAsync(afterLogout["token"]!.GetValue<string>()));
        Assert.Single(await kit.HistoryAsync(verified["token"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Events_ForgedToken_401AndUnknownChannel_404()
    {
        var kit = await WebChatTestKit.CreateAsync(App);
        using var client = App.CreateClient();

        var forged = await client.GetAsync($"/api/widget/{kit.ChannelId}/events?token=forged");
        var unknown = await client.PostAsync($"/api/widget/{Guid.NewGuid()}/session", JsonContent.Create(new JsonObject()));

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task PreChat_EmailOfExistingContact_StaysSeparateClaim()
    {
        var kit = await WebChatTestKit.CreateAsync(App, s => s["preChatForm"] = true);
        var email = $"anna.{Guid.NewGuid():N}@example.ru";
        var first = await kit.SessionAsync();
        Assert.True(first["needsPreChat"]!.GetValue<bool>());
        var blocked = await kit.PostMessageAsync(first["token"]!.GetValue<string>(), "без формы");
        Assert.Equal(HttpStatusCode.BadRequest, blocked.StatusCode);

        var noConsent = await kit.SendAsync(HttpMethod.Post, "/session", JsonContent.Create(new JsonObject { ["name"] = "Анна", ["email"] = email, ["consent"] = false }));
        Assert.Equal(HttpStatusCode.BadRequest, noConsent.StatusCode);
        var a = await kit.SessionAsync(new JsonObject { ["token"] = first["token"]!.DeepClone(), ["name"] = "Анна", ["email"] = email, ["consent"] = true });
        var textA = "С ноутбука " + Guid.NewGuid();
        await kit.PostMessageAsync(a["token"]!.GetValue<string>(), textA);
        var b = await kit.SessionAsync(new JsonObject { ["name"] = "Анна", ["email"] = email.ToUpperInvariant(), ["phone"] = "+7 916 000-11-22", ["consent"] = true });
        var textB = "С телефона " + Guid.NewGuid();
        await kit.PostMessageAsync(b["token"]!.GetValue<string>(), textB);

        // Typed into the form, an address is a claim (issue 10.3): the second visitor is not joined to the first.
        var contactA = (await OknoApp.EventuallyAsync(() => kit.FindConversationAsync(textA)))["contactId"]!.GetValue<long>();
        var contactB = (await OknoApp.EventuallyAsync(() => kit.FindConversationAsync(textB)))["contactId"]!.GetValue<long>();
        var contact = await App.GetJsonAsync($"/api/v1/contacts/{contactA}");
        var identities = contact["identities"]!.AsArray().Select(i => $"{i!["kind"]}:{i["value"]}").ToList();
        Assert.NotEqual(contactA, contactB);
        Assert.Contains($"email_unverified:{email}", identities);
        Assert.Equal(1, identities.Count(i => i.StartsWith("webchat:", StringComparison.Ordinal)));
        Assert.Equal("Анна", contact["name"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Cors_OtherSitesOrigin_403AndAllowedOriginReflected()
    {
        var kit = await WebChatTestKit.CreateAsync(App);

        var foreign = await kit.SendAsync(HttpMethod.Post, "/session", JsonContent.Create(new JsonObject()), origin: "https://evil.example");
        var allowed = await kit.SendAsync(HttpMethod.Post, "/session", JsonContent.Create(new JsonObject()));
        using var preflight = new HttpRequestMessage(HttpMethod.Options, $"/api/widget/{kit.ChannelId}/messages");
        preflight.Headers.Add("Origin", WebChatTestKit.SiteOrigin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var client = App.CreateClient();
        var pre = await client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.False(foreign.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(WebChatTestKit.SiteOrigin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(HttpStatusCode.NoContent, pre.StatusCode);
        Assert.Contains("X-Okno-Visitor", pre.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Upload_PdfStored_ExeRejected()
    {
        var kit = await WebChatTestKit.CreateAsync(App, s => s["maxUploadMb"] = 1);
        var token = (await kit.SessionAsync())["token"]!.GetValue<string>();
        // A PDF starts with "%PDF": uploads are checked by their first bytes too.
        static byte[] Bytes(int size) { var b = new byte[size]; "%PDF-1.4\n"u8.CopyTo(b); return b; }
        MultipartFormDataContent Form(string name, int size) => new()
        {
            { new StringContent(Guid.NewGuid().ToString("N")), "id" },
            { new ByteArrayContent(Bytes(size)), "file", name },
        };

        var exe = await kit.SendAsync(HttpMethod.Post, "/upload", Form("virus.exe", 100), token);
        var big = await kit.SendAsync(HttpMethod.Post, "/upload", Form("big.pdf", 2 * 1024 * 1024), token);
        var pdf = await kit.SendAsync(HttpMethod.Post, "/upload", Form("договор.pdf", 5000), token);

        Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var conversation = await kit.FindConversationAsync("договор.pdf");
        var url = await OknoApp.EventuallyAsync(async () =>
            (await kit.MessagesAsync(conversation!["id"]!.GetValue<long>()))[0]!["attachments"]!.AsArray().FirstOrDefault()?["url"]?.GetValue<string>(), what: "the upload to be stored");
        using var api = App.Api();
        Assert.Equal(5000, (await api.GetByteArrayAsync(url)).Length);
    }

    [SkippableFact]
    public async Task Offline_OutsideBusinessHours_StoredFlaggedForOperators()
    {
        var kit = await WebChatTestKit.CreateAsync(App, s => s["businessHours"] = "Mon-Sun 00:00-00:00 UTC"); // never open
        var session = await kit.SessionAsync();
        var question = "Вопрос ночью " + Guid.NewGuid();

        var response = await kit.SendAsync(HttpMethod.Post, "/offline", JsonContent.Create(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString("N"), ["name"] = "Пётр", ["phone"] = "89161112233", ["text"] = question, ["consent"] = true,
        }), session["token"]!.GetValue<string>());

        Assert.False(session["online"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversation = await OknoApp.EventuallyAsync(() => kit.FindConversationAsync("вне рабочего времени"), what: "the offline request");
        var message = (await kit.MessagesAsync(conversation["id"]!.GetValue<long>()))[0]!;
        Assert.Contains(question, message["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(JsonNode.Parse(conversation["sourceDetails"]!.GetValue<string>())!["offline"]!.GetValue<bool>());
        var contact = await App.GetJsonAsync($"/api/v1/contacts/{conversation["contactId"]}");
        Assert.Contains(contact["identities"]!.AsArray(), i => i!["kind"]!.GetValue<string>() == "phone_unverified" && i["value"]!.GetValue<string>() == "+79161112233");
    }

    [SkippableFact]
    public async Task RateLimit_VisitorOver60RequestsAMinute_429()
    {
        var kit = await WebChatTestKit.CreateAsync(App);
        var token = (await kit.SessionAsync())["token"]!.GetValue<string>();

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 61; i++) codes.Add((await kit.SendAsync(HttpMethod.Get, "/messages", token: token)).StatusCode);

        Assert.All(codes.Take(60), c => Assert.Equal(HttpStatusCode.OK, c));
        Assert.Equal(HttpStatusCode.TooManyRequests, codes[60]);
    }

    [SkippableFact]
    public async Task Reply_FromOperator_AppearsInVisitorsHistory()
    {
        var kit = await WebChatTestKit.CreateAsync(App);
        var token = (await kit.SessionAsync())["token"]!.GetValue<string>();
        var text = "Здравствуйте, вопрос " + Guid.NewGuid();
        await kit.PostMessageAsync(token, text);
        var conversation = await kit.FindConversationAsync(text);
        using var api = App.Api();
        var reply = "Добрый день! Юрист на связи " + Guid.NewGuid();

        (await api.PostAsJsonAsync($"/api/v1/conversations/{conversation!["id"]}/messages", new JsonObject { ["text"] = reply })).EnsureSuccessStatusCode();

        var history = await OknoApp.EventuallyAsync(async () =>
        {
            var items = await kit.HistoryAsync(token);
            return items.Any(m => m!["direction"]!.GetValue<string>() == "out" && m["text"]!.GetValue<string>() == reply) ? items : null;
        }, what: "the reply in the widget history");
        Assert.Equal(["in", "out"], history.Select(m => m!["direction"]!.GetValue<string>()));
    }
}

public sealed class WebChatWidgetSqliteTests(SqliteOknoApp app) : WebChatWidgetTests<SqliteOknoApp>(app);

public sealed class WebChatWidgetPostgresTests(PostgresOknoApp app) : WebChatWidgetTests<PostgresOknoApp>(app);
