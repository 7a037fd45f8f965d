using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Okno.Core.Data;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Ui;

/// <summary>What the browser tests of the operator app share: people, clients writing in, the page's own API calls.</summary>
public abstract class UiTestBase<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : BrowserOknoApp
{
    protected const string Password = "Operator-pass-1";
    private static long _nextTelegramUser = 770_000 + Random.Shared.Next(1000) * 100;

    protected static long NextTelegramUser() => Interlocked.Increment(ref _nextTelegramUser);

    protected static ILocator Row(IPage page, string text) => page.Locator("[data-test=row]", new() { HasText = text });

    protected async Task<(long Id, string Email, string Name)> CreateUserAsync(string role, string name)
    {
        var email = $"{role}-{Guid.NewGuid():N}@test.local";
        using var client = App.Api();
        var response = await client.PostAsJsonAsync("/api/v1/users", new { email, name, role, password = Password });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return (body["id"]!.GetValue<long>(), email, name);
    }

    /// <summary>A client writes in; returns the conversation id (found through the API).</summary>
    protected async Task<long> ClientWritesAsync(TelegramTestKit kit, long user, string text, string firstName, string? lastName = null)
    {
        await kit.PostAsync(App.Sim.Telegram.TextUpdate(user, text, firstName, lastName));
        var c = await OknoApp.EventuallyAsync(() => kit.FindConversationAsync(text), what: "the conversation");
        return c["id"]!.GetValue<long>();
    }

    /// <summary>Runs work against the app's own database (seeding scripts and the like, as an admin screen would).</summary>
    protected async Task WithDbAsync(Func<OknoDbContext, Task> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<OknoDbContext>());
    }

    /// <summary>A POST with the page's cookie, as the app's own JavaScript sends it (with the CSRF header).</summary>
    protected static Task<IAPIResponse> PostAsPageAsync(IPage page, string url, object? body = null) =>
        page.Context.APIRequest.PostAsync(url, new()
        {
            Headers = new Dictionary<string, string> { ["X-Okno-Request"] = "1", ["Content-Type"] = "application/json" },
            DataObject = body,
        });

    protected async Task OpenFromQueueAsync(IPage page, string text)
    {
        await page.ClickAsync("[data-test=tab-Queue]");
        await Row(page, text).ClickAsync();
        await page.Locator("[data-test=conversation]").WaitForAsync();
    }
}
