using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Okno.Tests.Infrastructure;
using Okno.Tests.Security;

namespace Okno.Tests.Privacy;

/// <summary>Issue 15.4: a client's archive, erasure (refused under a legal hold) and the consent register, on both providers.</summary>
public abstract class DataSubjectTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableFact]
    public async Task Export_ArchiveHoldsEveryMessageAndFile_IndexListsThem_AuditedWithRows()
    {
        var client = await DataSubjectKit.ClientAsync(App);
        using var admin = App.Api();
        var history = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/contacts/{client.ContactId}/messages"))!["items"]!.AsArray();
        var attachments = history.SelectMany(m => m!["attachments"]!.AsArray()).ToList();

        var response = await admin.GetAsync($"/api/v1/contacts/{client.ContactId}/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var files = await DataSubjectKit.UnzipAsync(response);

        var card = JsonNode.Parse(files["contact.json"])!;
        Assert.Equal(client.Name, card["name"]!.GetValue<string>());
        Assert.Contains(card["identities"]!.AsArray(), i => i!["value"]!.GetValue<string>() == client.PhoneDigits || i["value"]!.GetValue<string>().Contains(client.PhoneDigits, StringComparison.Ordinal));
        Assert.Contains(card["identities"]!.AsArray(), i => i!["value"]!.GetValue<string>() == client.Email);
        Assert.Single(card["labels"]!.AsArray());
        Assert.Single(card["notes"]!.AsArray());
        var exported = files.Where(f => f.Key.StartsWith("conversations/", StringComparison.Ordinal))
            .SelectMany(f => JsonNode.Parse(f.Value)!["messages"]!.AsArray()).ToList();
        Assert.Equal(2, files.Keys.Count(k => k.StartsWith("conversations/", StringComparison.Ordinal)));
        Assert.Equal(history.Select(m => m!["id"]!.GetValue<long>()).Order(), exported.Select(m => m!["id"]!.GetValue<long>()).Order());
        foreach (var m in history.Where(m => m!["text"] is not null))
            Assert.Contains(exported, e => e!["id"]!.GetValue<long>() == m!["id"]!.GetValue<long>() && e["text"]!.GetValue<string>() == m["text"]!.GetValue<string>());
        var exportedFiles = exported.SelectMany(m => m!["files"]!.AsArray()).ToList();
        Assert.Equal(attachments.Count, exportedFiles.Count);
        foreach (var a in attachments)
        {
            var f = exportedFiles.Single(x => x!["attachmentId"]!.GetValue<long>() == a!["id"]!.GetValue<long>())!;
            Assert.Equal(await admin.GetByteArrayAsync(a!["url"]!.GetValue<string>()), files[f["path"]!.GetValue<string>()]);
        }
        Assert.Contains(attachments, a => a!["fileName"]!.GetValue<string>() == client.FileName);

        var consents = JsonNode.Parse(files["consents.json"])!.AsArray();
        Assert.Single(consents);
        var audit = JsonNode.Parse(files["audit.json"])!.AsArray();
        Assert.Contains(audit, e => e!["action"]!.GetValue<string>() == "contact.read");
        var index = Encoding.UTF8.GetString(files["index.html"]);
        Assert.DoesNotContain("<script", index, StringComparison.OrdinalIgnoreCase);
        foreach (var m in exported.Where(m => m!["text"] is JsonValue))
            Assert.Contains(WebUtility.HtmlEncode(m!["text"]!.GetValue<string>()), index, StringComparison.Ordinal);
        foreach (var f in exportedFiles) Assert.Contains("href=\"" + Uri.EscapeDataString(f!["path"]!.GetValue<string>()).Replace("%2F", "/", StringComparison.Ordinal), index, StringComparison.Ordinal);

        var rows = 1 + card["identities"]!.AsArray().Count + 1 + 1 + consents.Count + 2 + exported.Count + exportedFiles.Count + audit.Count;
        var entries = await PrivacyKit.AuditAsync(App, $"objectType=contact&objectId={client.ContactId}");
        Assert.Contains(entries, e => e!["action"]!.GetValue<string>() == "export");
        var detail = (await admin.GetStringAsync($"/api/v1/audit?objectType=contact&objectId={client.ContactId}"));
        Assert.Contains("rows=" + rows.ToString(CultureInfo.InvariantCulture) + " archive=contact", detail, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Export_AndErase_RefusedToRolesThatMayNot()
    {
        var client = await DataSubjectKit.ClientAsync(App);
        var (operatorEmail, _) = await SecurityKit.CreateUserAsync(App, "operator");
        var (supervisorEmail, _) = await SecurityKit.CreateUserAsync(App, "supervisor");
        using var op = await SecurityKit.SignedInAsync(App, operatorEmail);
        using var supervisor = await SecurityKit.SignedInAsync(App, supervisorEmail);

        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync($"/api/v1/contacts/{client.ContactId}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync($"/api/v1/conversations/{client.FirstId}/export/court")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PostAsync($"/api/v1/contacts/{client.ContactId}/erase", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/v1/contacts/{client.ContactId}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsync($"/api/v1/contacts/{client.ContactId}/erase", null)).StatusCode);
        using var admin = App.Api();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/contacts/99999999/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/v1/contacts/99999999/erase", null)).StatusCode);
    }

    [SkippableFact]
    public async Task Erase_NoTraceOfNameOrPhoneInAnyColumn_CountsIntact_Audited()
    {
        using var admin = App.Api();
        // A CRM receiver (unreachable: deliveries stay in the log with their bodies) hears of the client's messages, phones included.
        (await admin.PostAsJsonAsync("/api/v1/webhook-endpoints", new { url = "http://127.0.0.1:9/crm", events = new[] { "message.created", "contact.created" }, includePhones = true }))
            .EnsureSuccessStatusCode();
        var client = await DataSubjectKit.ClientAsync(App);
        await OknoApp.EventuallyAsync(async () => (await DataSubjectKit.ScanAsync(App, client.PhoneDigits)).Any(c => c.StartsWith("WebhookDeliveries.", StringComparison.Ordinal)),
            what: "a webhook delivery that carries the client's phone");
        // The search index holds the client's words before the erase (so the scan below also proves it emptied).
        await OknoApp.EventuallyAsync(async () => (await App.GetJsonAsync("/api/v1/search?q=" + Uri.EscapeDataString(client.Tag)))["items"]!.AsArray().Count > 0,
            TimeSpan.FromSeconds(30), "the client's messages in the search index");
        var surname = client.Name.Split(' ')[1].ToLowerInvariant()[..7];
        string[] needles = [client.Name, client.PhoneDigits, client.Phone, client.Email, surname, client.Tag];
        foreach (var n in new[] { client.Name, client.PhoneDigits, surname }) Assert.NotEmpty(await DataSubjectKit.ScanAsync(App, n));
        var before = await StatisticsAsync(admin, client);
        var inbound = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/contacts/{client.ContactId}/messages"))!["items"]!.AsArray().Count(m => m!["direction"]!.GetValue<string>() == "inbound");
        var reportBefore = await OknoApp.EventuallyAsync(async () =>
        {
            var rows = await DataSubjectKit.ReportRowsAsync(App, [client.FirstId, client.SecondId]);
            return rows.Count == 2 && rows.Sum(r => int.Parse(r.Split('|')[4], CultureInfo.InvariantCulture)) == inbound ? rows : null;
        }, TimeSpan.FromSeconds(30), "the report rows of both requests");
        Assert.StartsWith($"{client.FirstId}|utm:yandex/cpc/dsr|", reportBefore[0], StringComparison.Ordinal);
        var erasedAt = DateTimeOffset.UtcNow;

        var erased = await admin.PostAsync($"/api/v1/contacts/{client.ContactId}/erase", null);

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var result = (await erased.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(2, result["conversations"]!.GetValue<int>());
        Assert.Equal(1, result["files"]!.GetValue<int>());
        foreach (var n in needles) Assert.Equal([], await DataSubjectKit.ScanAsync(App, n));
        Assert.Equal(before, await StatisticsAsync(admin, client));
        // The reports recompute both requests from what is left: the same source, counts and times.
        var reportAfter = await OknoApp.EventuallyAsync(async () => await DataSubjectKit.ReportRowsAsync(App, [client.FirstId, client.SecondId], erasedAt) is { Count: 2 } r ? r : null,
            TimeSpan.FromSeconds(30), "the report rows recomputed after the erase");
        Assert.Equal(reportBefore, reportAfter);
        Assert.Contains(await PrivacyKit.AuditAsync(App, $"objectType=contact&objectId={client.ContactId}"), e => e!["action"]!.GetValue<string>() == "contact.erase");
        Assert.True((await PrivacyKit.VerifyAsync(App))["ok"]!.GetValue<bool>());
        // The search no longer finds the client, and the card is empty.
        Assert.Empty((await App.GetJsonAsync("/api/v1/search?q=" + Uri.EscapeDataString(client.Tag)))["items"]!.AsArray());
        var card = await App.GetJsonAsync($"/api/v1/contacts/{client.ContactId}");
        Assert.Empty(card["identities"]!.AsArray());
    }

    [SkippableFact]
    public async Task Consent_FromTheOfflineForm_RecordedWithItsSource()
    {
        var wording = "Согласен на обработку ПД, версия " + Guid.NewGuid().ToString("N")[..6];
        var kit = await Okno.Tests.Channels.WebChat.WebChatTestKit.CreateAsync(App, s => { s["businessHours"] = "Mon-Sun 00:00-00:00 UTC"; s["consentText"] = wording; });
        var session = await kit.SessionAsync();
        var question = "Вопрос ночью " + Guid.NewGuid();
        (await kit.SendAsync(HttpMethod.Post, "/offline", JsonContent.Create(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString("N"), ["name"] = "Пётр " + DataSubjectKit.Surname(), ["phone"] = "89161112233", ["text"] = question, ["consent"] = true,
        }), session["token"]!.GetValue<string>())).EnsureSuccessStatusCode();
        var conversation = await OknoApp.EventuallyAsync(() => kit.FindConversationAsync(question), what: "the offline question");
        using var admin = App.Api();

        var consent = Assert.Single((await admin.GetFromJsonAsync<JsonObject>($"/api/v1/contacts/{conversation["contactId"]}/consents"))!["items"]!.AsArray())!;

        Assert.Equal("widget-offline", consent["source"]!.GetValue<string>());
        Assert.Equal(wording, consent["text"]!.GetValue<string>());
        Assert.Equal(conversation["contactId"]!.GetValue<long>(), consent["contactId"]!.GetValue<long>());
    }

    [SkippableFact]
    public async Task Verify_BadInput_ClearAnswers()
    {
        using var admin = App.Api();
        var empty = await admin.PostAsync("/api/v1/exports/verify", new ByteArrayContent([]));
        var notZip = await admin.PostAsync("/api/v1/exports/verify", new ByteArrayContent("не архив"u8.ToArray()));
        using var noFile = new MultipartFormDataContent { { new StringContent("x"), "other" } };
        var formWithoutFile = await admin.PostAsync("/api/v1/exports/verify", noFile);
        var zipWithoutManifest = await admin.PostAsync("/api/v1/exports/verify", new ByteArrayContent(DataSubjectKit.Zip(new() { ["a.txt"] = "a"u8.ToArray() })));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, formWithoutFile.StatusCode);
        var a = (await notZip.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False(a["ok"]!.GetValue<bool>());
        Assert.Contains("ZIP", a["problems"]![0]!["problem"]!.GetValue<string>(), StringComparison.Ordinal);
        var b = (await zipWithoutManifest.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False(b["ok"]!.GetValue<bool>());
        Assert.Equal("manifest.json", b["problems"]![0]!["file"]!.GetValue<string>());
    }

    /// <summary>What reports count: each conversation's status, times and outcome, its messages by direction and kind.</summary>
    private static async Task<string> StatisticsAsync(HttpClient admin, DsrClient client)
    {
        var s = new StringBuilder();
        foreach (var id in new[] { client.FirstId, client.SecondId })
        {
            var c = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/conversations/{id}"))!;
            s.Append(id).Append(' ').Append(c["status"]).Append(' ').Append(c["createdAt"]).Append(' ').Append(c["resolvedAt"]).Append(' ').Append(c["firstResponseAt"])
                .Append(' ').Append(c["isTarget"]).Append(' ').Append(c["contactId"]).Append(':');
            foreach (var m in (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/conversations/{id}/messages"))!["items"]!.AsArray())
                s.Append(' ').Append(m!["id"]).Append('/').Append(m["direction"]).Append('/').Append(m["kind"]).Append('/').Append(m["createdAt"]);
            s.Append('\n');
        }
        return s.ToString();
    }

    [SkippableFact]
    public async Task Erase_UnderLegalHold_409_NothingErased_ReleasedThen200()
    {
        var client = await DataSubjectKit.ClientAsync(App);
        using var admin = App.Api();
        var hold = (await (await admin.PostAsJsonAsync("/api/v1/legal-holds", new { conversationId = client.SecondId, reason = "Дело А40-15/2027" })).Content.ReadFromJsonAsync<JsonObject>())!;

        var refused = await admin.PostAsync($"/api/v1/contacts/{client.ContactId}/erase", null);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("legal hold", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(hold["id"]!.GetValue<long>(), problem["legalHoldId"]!.GetValue<long>());
        Assert.Equal(client.Name, (await App.GetJsonAsync($"/api/v1/contacts/{client.ContactId}"))["name"]!.GetValue<string>());
        Assert.NotEmpty(await DataSubjectKit.ScanAsync(App, client.PhoneDigits));

        (await admin.DeleteAsync($"/api/v1/legal-holds/{hold["id"]}")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/contacts/{client.ContactId}/erase", null)).StatusCode);
        Assert.Null((await App.GetJsonAsync($"/api/v1/contacts/{client.ContactId}"))["name"]);
    }

    [SkippableFact]
    public async Task Consent_FromThePreChatForm_InTheRegister_WithdrawnOnce_Audited()
    {
        var client = await DataSubjectKit.ClientAsync(App);
        using var admin = App.Api();
        var consentText = "Я согласен(на) на обработку персональных данных в соответствии с 152-ФЗ"; // the channel's default wording

        var list = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/contacts/{client.ContactId}/consents"))!["items"]!.AsArray();

        var consent = Assert.Single(list)!;
        Assert.Equal(consentText, consent["text"]!.GetValue<string>());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(consentText))), consent["textSha256"]!.GetValue<string>());
        Assert.Equal("widget-prechat", consent["source"]!.GetValue<string>());
        Assert.Equal("webchat", consent["channelKind"]!.GetValue<string>());
        Assert.Equal(client.Kit.ChannelId, consent["channelId"]!.GetValue<string>());
        Assert.Null(consent["withdrawnAt"]);

        var id = consent["id"]!.GetValue<long>();
        var withdrawn = (await (await admin.PostAsync($"/api/v1/contacts/{client.ContactId}/consents/{id}/withdraw", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        var again = (await (await admin.PostAsync($"/api/v1/contacts/{client.ContactId}/consents/{id}/withdraw", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        var wrongContact = await admin.PostAsync($"/api/v1/contacts/{client.ContactId + 1000}/consents/{id}/withdraw", null);

        Assert.NotNull(withdrawn["withdrawnAt"]);
        Assert.Equal(withdrawn["withdrawnAt"]!.GetValue<DateTimeOffset>(), again["withdrawnAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(HttpStatusCode.NotFound, wrongContact.StatusCode);
        var audit = await PrivacyKit.AuditAsync(App, $"objectType=contact&objectId={client.ContactId}");
        Assert.Single(audit, e => e!["action"]!.GetValue<string>() == "consent.withdraw");
        // Further messages of the same visitor (the same form's consent rides on each) add no second row.
        Assert.Single((await admin.GetFromJsonAsync<JsonObject>($"/api/v1/contacts/{client.ContactId}/consents"))!["items"]!.AsArray());
    }
}

public sealed class SqliteDataSubjectTests(SqliteDsrApp app) : DataSubjectTests<SqliteDsrApp>(app);

public sealed class PostgresDataSubjectTests(PostgresDsrApp app) : DataSubjectTests<PostgresDsrApp>(app);
