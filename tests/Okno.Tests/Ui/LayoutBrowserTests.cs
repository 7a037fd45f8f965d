using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Okno.Tests.Ui;

/// <summary>Issue 18, points 6, 7, 9 and 11: phone layout, merging, friendly pages, the smaller things, screenshots.</summary>
[Collection(BrowserCollection.Name)]
public abstract partial class LayoutBrowserTests<TApp>(TApp app) : UiTestBase<TApp>(app) where TApp : BrowserOknoApp
{
    private static Task<double[]> BoxAsync(ILocator l) =>
        l.EvaluateAsync<double[]>("e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; }");

    [SkippableFact]
    public async Task Phone390_OneColumn_ListConversationCardWithBackNavigation()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var op = await CreateUserAsync("operator", "Тамара Мобильная");
        var lawyer = await CreateUserAsync("lawyer", "Роман Выездной");
        var tag = Guid.NewGuid().ToString("N")[..8];
        await ClientWritesAsync(kit, NextTelegramUser(), $"Пишу с телефона {tag}", "Олег", "Смирнов");
        var page = await App.SignInAsync(op.Email, Password, 390, 844);
        await page.ClickAsync("[data-test=tab-Queue]");
        var list = page.Locator(".pane-list");
        Assert.True((await BoxAsync(list))[2] >= 385, "the list is not the whole width");
        await App.ShotAsync(page, "phone-390-1-list");

        await Row(page, tag).ClickAsync();
        var chat = page.Locator("[data-test=conversation]");
        await Expect(chat).ToBeVisibleAsync();
        await Expect(list).ToBeHiddenAsync();
        Assert.True((await BoxAsync(chat))[2] >= 385, "the chat is not the whole width");
        var box = await BoxAsync(page.Locator("[data-test=reply-text]"));
        Assert.True(box[2] >= 340 && box[1] + box[3] <= 844, $"reply box {box[2]}×{box[3]} at {box[1]}");
        var send = await BoxAsync(page.Locator("[data-test=send]"));
        Assert.True(send[3] >= 44 && send[1] + send[3] <= 844, "the send button is not thumb-sized or is off screen");

        await page.ClickAsync("[data-test=take]");
        await page.FillAsync("[data-test=reply-text]", "Здравствуйте, Олег! " + tag);
        await page.ClickAsync("[data-test=send]");
        await Expect(page.Locator("[data-test=message]", new() { HasText = "Здравствуйте, Олег!" })).ToBeInViewportAsync();
        await App.ShotAsync(page, "phone-390-2-conversation");

        // Hand-off: a sheet within the screen, controls at least 44 px high.
        await page.ClickAsync("[data-test=handoff-open]");
        var panel = page.Locator("[data-test=handoff-panel]");
        var p = await BoxAsync(panel);
        Assert.True(p[0] >= 0 && p[0] + p[2] <= 390 && p[1] >= 0 && p[1] + p[3] <= 844, $"hand-off panel off screen: {string.Join(",", p)}");
        foreach (var control in new[] { "[data-test=handoff-to]", "[data-test=handoff-send]" })
            Assert.True((await BoxAsync(page.Locator(control)))[3] >= 44, control + " is smaller than a thumb");
        await page.SelectOptionAsync("[data-test=handoff-to]", lawyer.Id.ToString(CultureInfo.InvariantCulture));
        await App.ShotAsync(page, "phone-390-3-handoff");
        await page.Locator("[data-test=handoff-send]").TapAsync();
        await Expect(page.Locator("[data-test=handoff-banner]")).ToBeVisibleAsync();

        await page.Locator("[data-test=card-open]").TapAsync();
        var card = page.Locator("[data-test=contact-card]");
        await Expect(card).ToBeVisibleAsync();
        await Expect(chat).ToBeHiddenAsync();
        await App.ShotAsync(page, "phone-390-4-card");
        await page.Locator("[data-test=card-back]").TapAsync();
        await Expect(chat).ToBeVisibleAsync();
        await page.Locator("[data-test=back]").TapAsync();
        await Expect(list).ToBeVisibleAsync();
        await Expect(chat).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Merge_SearchByName_PreviewConfirm_SaysWhatMoved_LeavesNoEmptyConversation()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var survivor = await ClientWritesAsync(kit, NextTelegramUser(), $"Пишу из Telegram {tag}", "Виктория", "Белова" + tag);
        var other = await ClientWritesAsync(kit, NextTelegramUser(), $"Это снова я, с другого аккаунта {tag}", "Вика", "Б" + tag);
        var admin = await App.SignInAsync(OknoApp.AdminEmail, OknoApp.AdminPassword);
        await admin.GotoAsync($"/c/{survivor}");
        await admin.ClickAsync("[data-test=merge-open]");
        await admin.Locator("[data-test=merge-search]").PressSequentiallyAsync("Вика");
        var result = admin.Locator("[data-test=merge-result]", new() { HasText = "Вика Б" + tag });
        await Expect(result).ToBeVisibleAsync();
        await Expect(admin.Locator("[data-test=merge-result]", new() { HasText = "Белова" + tag })).ToHaveCountAsync(0); // not itself
        await result.ClickAsync();
        var sides = admin.Locator("[data-test=merge-side]");
        await Expect(sides).ToHaveCountAsync(2);
        await Expect(sides.Nth(0)).ToContainTextAsync("Виктория Белова" + tag);
        await Expect(sides.Nth(1)).ToContainTextAsync("Вика Б" + tag);
        await App.ShotAsync(admin, "20-merge-preview");
        Assert.Equal("open", (await App.GetJsonAsync($"/api/v1/conversations/{other}"))["status"]!.GetValue<string>()); // nothing before confirming

        await admin.ClickAsync("[data-test=merge-confirm]");
        await Expect(admin.Locator("[data-test=merge-done]")).ToHaveTextAsync($"Готово: «Вика Б{tag}» присоединён. Перенесено обращений — 1, адресов — 1, сообщений — 1.");
        await admin.ClickAsync("[data-test=merge-close]");
        await Expect(admin.Locator("[data-test=message]", new() { HasText = "с другого аккаунта" })).ToBeVisibleAsync();
        await Expect(admin.Locator("[data-test=event]", new() { HasText = "клиента с «Вика Б" + tag })).ToBeVisibleAsync();

        using var api = App.Api();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/conversations/{other}")).StatusCode);
        var contactId = (await App.GetJsonAsync($"/api/v1/conversations/{survivor}"))["contactId"]!.GetValue<long>();
        var all = (await App.GetJsonAsync($"/api/v1/conversations?contactId={contactId}"))["items"]!.AsArray();
        Assert.Single(all); // no empty closed conversation left behind
        await admin.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task UnknownOrForbiddenPage_FriendlyPage_ApiKeepsProblemDetails()
    {
        var op = await CreateUserAsync("operator", "Гоша Любопытный");
        var page = await App.SignInAsync(op.Email, Password);
        var response = await page.GotoAsync("/no-such-page/at-all");
        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("[data-test=error-page] h1")).ToHaveTextAsync("Страница не найдена");
        await App.ShotAsync(page, "21-not-found");
        await page.ClickAsync("[data-test=error-home]");
        await page.Locator("[data-test=rows]").WaitForAsync();

        response = await page.GotoAsync("/admin/users");
        await Expect(page.Locator("[data-test=error-page] h1")).ToHaveTextAsync("Нет доступа");
        Assert.Equal(403, response!.Status);
        await Expect(page.Locator("body")).Not.ToContainTextAsync("{\"type\"");

        var api = await page.Context.APIRequest.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(404, api.Status);
        Assert.StartsWith("application/problem+json", api.Headers["content-type"], StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task ChannelBadges_ContrastPassesWcagAA()
    {
        var admin = await App.SignInAsync(OknoApp.AdminEmail, OknoApp.AdminPassword);
        // Every badge class, rendered the way the list renders it; the ratio is computed from the computed colours.
        var ratios = await admin.EvaluateAsync<Dictionary<string, double>>(@"() => {
            const kinds = ['tg','wa','wag','vk','max','mail','web','avito','telegram','whatsapp_cloud','whatsapp_greenapi','whatsapp_waha','email','webchat'];
            const rgb = s => s.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
            const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
            const out = {};
            for (const k of kinds) {
                const el = document.createElement('span'); el.className = 'ch ch-' + k; el.textContent = 'XX'; document.body.appendChild(el);
                const cs = getComputedStyle(el);
                if (cs.backgroundColor !== 'rgba(0, 0, 0, 0)') {
                    const [a, b] = [lum(rgb(cs.color)), lum(rgb(cs.backgroundColor))].sort((x, y) => y - x);
                    out[k] = (a + 0.05) / (b + 0.05);
                }
                el.remove();
            }
            return out; }");
        Assert.True(ratios.Count >= 8, "badge colours not found: " + string.Join(",", ratios.Keys));
        Assert.All(ratios, r => Assert.True(r.Value >= 4.5, $"badge {r.Key}: contrast {r.Value:0.00} < 4.5"));
        await admin.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Smaller_HeaderFits_ReasonsSeeded_ClientSinceDate_NoEmoji_VisibleSelection_English()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var op = await CreateUserAsync("operator", "Дина Внимательная");
        var tag = Guid.NewGuid().ToString("N")[..8];
        await ClientWritesAsync(kit, NextTelegramUser(), $"Проверка мелочей {tag}", "Фаина");
        var page = await App.SignInAsync(op.Email, Password, 1280, 720);
        await page.ClickAsync("[data-test=tab-Queue]");

        // The list header stays inside its pane; the queue says how it is ordered.
        await Expect(page.Locator("[data-test=order-explain]")).ToContainTextAsync("кто ждёт дольше всех");
        var overflow = await page.EvaluateAsync<double>(@"() => { const pane = document.querySelector('.pane-list').getBoundingClientRect();
            return Math.max(...[...document.querySelectorAll('.list-head *')].map(e => e.getBoundingClientRect().right - pane.right)); }");
        Assert.True(overflow <= 0.5, $"the list header overflows its pane by {overflow} px");
        await Expect(page.Locator("[data-test=order-explain]")).ToContainTextAsync("кто ждёт дольше всех");

        // Keyboard selection is clearly visible (a ring, not a faint tint).
        // The queue's rows are rendered before the key is pressed: a key before the list has loaded selects nothing.
        await Expect(Row(page, tag)).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("j");
        var selected = page.Locator("[data-test=row].selected");
        await Expect(selected).ToHaveCountAsync(1);
        var ring = await selected.EvaluateAsync<string>("e => getComputedStyle(e).boxShadow");
        Assert.Contains("inset", ring, StringComparison.Ordinal);

        await Row(page, tag).ClickAsync();
        await Expect(page.Locator("[data-test=client-since]")).ToHaveTextAsync(new Regex(@"^Клиент с \d\d\.\d\d\.\d{4}$"));

        // A fresh install has sensible "not target" reasons; the select stays inside its popover.
        await page.ClickAsync("[data-test=more]");
        // The panel is rendered by a server round trip after the click: wait for it before reading its options.
        await Expect(page.Locator("[data-test=reason] option", new() { HasText = "Спам или реклама" })).ToHaveCountAsync(1);
        var reasons = await page.Locator("[data-test=reason] option").AllInnerTextsAsync();
        Assert.Contains("Спам или реклама", reasons);
        Assert.True(reasons.Count >= 6);
        var inside = await page.EvaluateAsync<bool>(@"() => { const p = document.querySelector('[data-test=more-panel]').getBoundingClientRect();
            return [...document.querySelectorAll('[data-test=more-panel] *:not(option)')].every(e => { const r = e.getBoundingClientRect(); return r.right <= p.right + 0.5 && r.left >= p.left - 0.5; }); }");
        Assert.True(inside, "a control sticks out of the popover");
        await App.ShotAsync(page, "22-more-panel-1280");
        await page.Keyboard.PressAsync("Escape");

        // No emoji as icons anywhere in the app's own chrome (they render as boxes without an emoji font).
        var emoji = await page.EvaluateAsync<string>(@"() => { const clone = document.querySelector('.shell').cloneNode(true);
            clone.querySelectorAll('.bubble, .row-preview, .event-text').forEach(e => e.remove());
            return (clone.textContent.match(/[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}\u{23F0}-\u{23FF}\u{2B00}-\u{2BFF}]/gu) || []).join(''); }");
        Assert.Equal("", emoji);

        // English is complete: the inbox chrome has no Russian left.
        await page.GotoAsync("/account/lang/en?back=" + Uri.EscapeDataString(new Uri(page.Url).AbsolutePath));
        await Expect(page.Locator("[data-test=tab-Queue]")).ToContainTextAsync("Queue");
        var russian = await page.EvaluateAsync<string>(@"() => { const clone = document.querySelector('.shell').cloneNode(true);
            clone.querySelectorAll('.bubble, .row-preview, .row-name, [data-test=chat-name], [data-test=contact-name], .assignee, .event-text, .id-value, .via, option, .label, .card-notes, .avatar-big, .rail-link.avatar, .past-preview, .chat-sub span:not(.pill)').forEach(e => e.remove());
            return (clone.textContent.match(/[А-Яа-яЁё]+/g) || []).join(' '); }");
        Assert.Equal("", russian);
        await page.Context.CloseAsync();
    }
}

public sealed class SqliteLayoutBrowserTests(SqliteBrowserOknoApp app) : LayoutBrowserTests<SqliteBrowserOknoApp>(app);

public sealed class PostgresLayoutBrowserTests(PostgresBrowserOknoApp app) : LayoutBrowserTests<PostgresBrowserOknoApp>(app);
