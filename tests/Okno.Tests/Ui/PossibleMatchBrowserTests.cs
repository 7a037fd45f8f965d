using System.Net;
using System.Text.Json.Nodes;
using Okno.Tests.Channels.WebChat;
using Okno.Tests.Channels.WhatsApp;
using Okno.Tests.Channels.WhatsAppCloud;
using Okno.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Okno.Tests.Ui;

/// <summary>
/// Issue 18.7: a "possible match" on the card (a site visitor typed a known client's phone) is merged through the same
/// dialog as any merge: both cards side by side, the verified holder stays, nothing moves before «Объединить».
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class PossibleMatchBrowserTests<TApp>(TApp app) : UiTestBase<TApp>(app) where TApp : BrowserOknoApp
{
    [SkippableFact]
    public async Task PossibleMatch_OnTheCard_OpensMergeDialog_VerifiedHolderStays_English()
    {
        var cloud = await WhatsAppCloudTestKit.CreateAsync(App);
        var widget = await WebChatTestKit.CreateAsync(App, s => s["preChatForm"] = true);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var phone = Inbox.NewPhone();
        Assert.Equal(HttpStatusCode.OK, (await cloud.PostAsync(cloud.Text(phone, "Я ваш клиент " + tag))).StatusCode);
        var client = await Inbox.ConversationAsync(App, tag);
        var clientContact = client["contactId"]!.GetValue<long>();

        var session = await widget.SessionAsync(new JsonObject { ["name"] = "Посетитель " + tag, ["phone"] = "+" + phone, ["consent"] = true });
        var visitorText = "Пишу с сайта " + tag;
        Assert.Equal(HttpStatusCode.OK, (await widget.PostMessageAsync(session["token"]!.GetValue<string>(), visitorText)).StatusCode);
        var visitor = await OknoApp.EventuallyAsync(() => widget.FindConversationAsync(visitorText), what: "the visitor's conversation");
        var visitorId = visitor["id"]!.GetValue<long>();
        Assert.NotEqual(clientContact, visitor["contactId"]!.GetValue<long>());

        var admin = await App.SignInAsync(OknoApp.AdminEmail, OknoApp.AdminPassword);
        await admin.GotoAsync($"/c/{visitorId}");
        var match = admin.Locator("[data-test=possible-match]", new() { HasText = "+" + phone });
        await Expect(match).ToBeVisibleAsync();
        await match.Locator("[data-test=possible-match-merge]").ClickAsync();

        // The dialog, not a direct merge: the WhatsApp client (verified phone) stays, the visitor joins it.
        var sides = admin.Locator("[data-test=merge-side]");
        await Expect(sides).ToHaveCountAsync(2);
        await Expect(sides.Nth(0)).ToContainTextAsync("Телефон+" + phone);
        await Expect(sides.Nth(0)).Not.ToContainTextAsync("не подтверждён");
        await Expect(sides.Nth(1)).ToContainTextAsync("Посетитель " + tag);
        await Expect(sides.Nth(1)).ToContainTextAsync("Телефон (не подтверждён)");
        await App.ShotAsync(admin, "23-possible-match-merge");
        Assert.NotEqual(clientContact, (await App.GetJsonAsync($"/api/v1/conversations/{visitorId}"))["contactId"]!.GetValue<long>()); // nothing yet

        await admin.ClickAsync("[data-test=merge-confirm]");
        await Expect(admin.Locator("[data-test=merge-done]")).ToContainTextAsync("«Посетитель " + tag + "» присоединён");
        // The visitor's open request joined the client's open one; «Готово» opens it, with the visitor's message in it.
        var clientId = client["id"]!.GetValue<long>();
        using (var api = App.Api()) Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/conversations/{visitorId}")).StatusCode);
        Assert.Contains(await Inbox.MessagesAsync(App, clientId), m => m["text"]?.GetValue<string>() == visitorText);
        await admin.ClickAsync("[data-test=merge-close]");
        await Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/c/{clientId}$"));
        await Expect(admin.Locator("[data-test=message]", new() { HasText = visitorText })).ToBeVisibleAsync();
        await Expect(admin.Locator("[data-test=possible-match]")).ToHaveCountAsync(0);

        // In English the identity kinds are English too.
        await admin.GotoAsync("/account/lang/en?back=" + Uri.EscapeDataString($"/c/{clientId}"));
        await Expect(admin.Locator("[data-test=tab-Queue]")).ToContainTextAsync("Queue");
        await Expect(admin.Locator("[data-test=identities] .id-kind").First).ToBeVisibleAsync();
        var kinds = await admin.Locator("[data-test=identities] .id-kind").AllInnerTextsAsync();
        Assert.True(kinds.Contains("Phone"), string.Join(", ", kinds));
        Assert.DoesNotContain(kinds, k => System.Text.RegularExpressions.Regex.IsMatch(k, "[А-Яа-яЁё]"));
        await admin.Context.CloseAsync();
    }
}

public sealed class SqlitePossibleMatchBrowserTests(SqliteBrowserOknoApp app) : PossibleMatchBrowserTests<SqliteBrowserOknoApp>(app);

public sealed class PostgresPossibleMatchBrowserTests(PostgresBrowserOknoApp app) : PossibleMatchBrowserTests<PostgresBrowserOknoApp>(app);
