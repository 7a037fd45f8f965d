using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Infrastructure;
using Okno.Tests.Privacy;
using static Microsoft.Playwright.Assertions;

namespace Okno.Tests.Ui;

/// <summary>
/// Issue 15.4 and 15.6 in the browser: the client's archive's index.html opens from the unpacked folder (file://) with
/// every message; the contact card shows consents (withdrawn there), exports, and erases — refused clearly under a hold;
/// the conversation's «Экспорт для суда» downloads an export that verifies.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class DataSubjectBrowserTests<TApp>(TApp app) : UiTestBase<TApp>(app) where TApp : BrowserOknoApp
{
    [SkippableFact]
    public async Task ArchiveIndex_OpensFromTheUnpackedFolder_EveryMessageVisible_FileLinked()
    {
        var client = await DataSubjectKit.ClientAsync(App);
        using var api = App.Api();
        var history = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/contacts/{client.ContactId}/messages"))!["items"]!.AsArray();
        var dir = Directory.CreateTempSubdirectory("okno-archive-").FullName;
        try
        {
            var zip = await api.GetByteArrayAsync($"/api/v1/contacts/{client.ContactId}/export");
            await ZipFile.ExtractToDirectoryAsync(new MemoryStream(zip), dir);
            var context = await App.Browser.NewContextAsync(new() { Locale = "ru-RU" });
            var page = await context.NewPageAsync();
            var errors = new List<string>();
            page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };

            await page.GotoAsync(new Uri(Path.Combine(dir, "index.html")).AbsoluteUri);

            await Expect(page.Locator("h1")).ToContainTextAsync(client.Name);
            await Expect(page.Locator("article.msg")).ToHaveCountAsync(history.Count);
            foreach (var m in history.Where(m => m!["text"] is JsonValue))
                await Expect(page.Locator("article.msg", new() { HasText = m!["text"]!.GetValue<string>().Split('\n')[0] }).First).ToBeVisibleAsync();
            await Expect(page.Locator("section.conversation")).ToHaveCountAsync(2);
            var link = page.Locator("a", new() { HasText = client.FileName });
            await Expect(link).ToBeVisibleAsync();
            var href = await link.GetAttributeAsync("href");
            Assert.Equal(client.File, await File.ReadAllBytesAsync(Path.Combine(dir, Uri.UnescapeDataString(href!))));
            await Expect(page.Locator("script")).ToHaveCountAsync(0);
            await App.ShotAsync(page, "40-client-archive-index");
            Assert.Empty(errors);
            await context.CloseAsync();
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [SkippableFact]
    public async Task ContactCard_ConsentWithdrawn_CourtExportVerifies_EraseRefusedUnderHold_ThenErased()
    {
        var client = await DataSubjectKit.ClientAsync(App);
        using var api = App.Api();
        var hold = (await (await api.PostAsJsonAsync("/api/v1/legal-holds", new { conversationId = client.FirstId, reason = "Дело А40-99/2027" })).Content.ReadFromJsonAsync<JsonObject>())!;
        var page = await App.SignInAsync(OknoApp.AdminEmail, OknoApp.AdminPassword);
        await page.GotoAsync($"/c/{client.SecondId}");
        await Expect(page.Locator("[data-test=contact-name]")).ToContainTextAsync(client.Name);

        // Consents: the form's one, withdrawn on the card after a question.
        var consent = page.Locator("[data-test=consent]");
        await Expect(consent).ToHaveCountAsync(1);
        await Expect(consent).ToContainTextAsync("152-ФЗ");
        await consent.Locator("[data-test=consent-withdraw]").ClickAsync();
        await Expect(consent.Locator("[data-test=confirm-box]")).ToBeVisibleAsync();
        await consent.Locator("[data-test=confirm-yes]").ClickAsync();
        await Expect(consent.Locator("[data-test=consent-withdrawn]")).ToContainTextAsync("отозвано");
        var consents = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/contacts/{client.ContactId}/consents"))!["items"]!.AsArray();
        Assert.NotNull(consents.Single()!["withdrawnAt"]);

        // The client's archive downloads from the card.
        await Expect(page.Locator("[data-test=subject-export]")).ToBeVisibleAsync();
        var archive = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-test=subject-export]").ClickAsync());
        Assert.Equal($"okno-client-{client.ContactId}.zip", archive.SuggestedFilename);

        // «Экспорт для суда» in the conversation's actions: the download verifies.
        await page.ClickAsync("[data-test=more]");
        await Expect(page.Locator("[data-test=court-export]")).ToBeVisibleAsync();
        var court = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-test=court-export]").ClickAsync());
        Assert.Equal($"okno-conversation-{client.SecondId}-court.zip", court.SuggestedFilename);
        using (var body = new ByteArrayContent(await File.ReadAllBytesAsync((await court.PathAsync())!)))
        {
            body.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
            var verified = (await (await api.PostAsync("/api/v1/exports/verify", body)).Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.True(verified["ok"]!.GetValue<bool>(), verified.ToJsonString());
        }
        await page.ClickAsync("[data-test=more]");

        // Erase: the question names what goes; under the hold the refusal says why, and nothing goes.
        await page.ClickAsync("[data-test=subject-erase]");
        var question = page.Locator("[data-test=erase-confirm-text]");
        await Expect(question).ToContainTextAsync("обращений 2");
        await Expect(question).ToContainTextAsync("файлов 1");
        await App.ShotAsync(page, "41-contact-erase-confirm");
        await page.ClickAsync("[data-test=erase-yes]");
        await Expect(page.Locator("[data-test=erase-refused]")).ToContainTextAsync("legal hold №" + hold["id"]);
        Assert.Equal(client.Name, (await App.GetJsonAsync($"/api/v1/contacts/{client.ContactId}"))["name"]!.GetValue<string>());

        (await api.DeleteAsync($"/api/v1/legal-holds/{hold["id"]}")).EnsureSuccessStatusCode();
        await page.ClickAsync("[data-test=subject-erase]");
        await Expect(question).ToBeVisibleAsync();
        await page.ClickAsync("[data-test=erase-yes]");
        await Expect(page.Locator("[data-test=subject-erased]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-test=contact-name]")).ToContainTextAsync("Клиент №" + client.ContactId);
        await Expect(page.Locator("[data-test=message]", new() { HasText = client.Tag })).ToHaveCountAsync(0);
        Assert.Null((await App.GetJsonAsync($"/api/v1/contacts/{client.ContactId}"))["name"]);
        await page.Context.CloseAsync();
    }
}

public sealed class SqliteDataSubjectBrowserTests(SqliteBrowserOknoApp app) : DataSubjectBrowserTests<SqliteBrowserOknoApp>(app);

public sealed class PostgresDataSubjectBrowserTests(PostgresBrowserOknoApp app) : DataSubjectBrowserTests<PostgresBrowserOknoApp>(app);
