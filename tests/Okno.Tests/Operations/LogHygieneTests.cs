using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Operations;

/// <summary>Logs carry ids, never message text, phones or tokens — not even at Debug.</summary>
public sealed class LogHygieneTests(SqliteOknoApp app) : OknoTest<SqliteOknoApp>(app)
{
    [SkippableFact]
    public async Task Logs_DuringInboundSendAndFailure_HoldNoTextPhoneOrToken()
    {
        var sink = new CapturingLoggerProvider();
        // Configuration's Logging:LogLevel beats SetMinimumLevel: every category is turned to Debug there, including
        // those appsettings.json quiets (ASP.NET Core, EF Core's SQL, HttpClient's request lines).
        using var factory = App.WithWebHostBuilder(b =>
        {
            foreach (var category in new[] { "Default", "Microsoft", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "System.Net.Http.HttpClient", "Okno" })
                b.UseSetting($"Logging:LogLevel:{category}", "Debug");
            b.ConfigureServices(s => s.AddLogging(l => l.AddProvider(sink).SetMinimumLevel(LogLevel.Debug)));
        });
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", OknoApp.ApiToken);
        var secret = "hygiene-secret-" + Guid.NewGuid().ToString("N");
        var create = await client.PostAsJsonAsync("/api/v1/channels", new JsonObject
        {
            ["kind"] = "telegram", ["name"] = "hygiene",
            ["settings"] = new JsonObject { ["botToken"] = TelegramTestKit.BotToken, ["secretToken"] = secret, ["apiBaseUrl"] = App.Sim.UrlOf("telegram") },
        });
        var channelId = (await create.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        const string text = "Секретный текст клиента про наследство";
        var update = App.Sim.Telegram.SharedContactUpdate(9101, "+7 916 111-22-33");
        var textUpdate = App.Sim.Telegram.TextUpdate(9101, text);
        foreach (var u in new[] { update, textUpdate })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/{channelId}") { Content = JsonContent.Create(u) };
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
            (await client.SendAsync(request)).EnsureSuccessStatusCode();
        }
        var page = await client.GetFromJsonAsync<JsonObject>("/api/v1/conversations?limit=200");
        var conversationId = page!["items"]!.AsArray().First(i => i!["lastMessagePreview"]!.GetValue<string>() == text)!["id"]!.GetValue<long>();
        App.Sim.Telegram.BlockBot(9101);
        await client.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { text = "Ответ оператора с деталями дела" });
        await OknoApp.EventuallyAsync(async () => (await client.GetFromJsonAsync<JsonObject>($"/api/v1/conversations/{conversationId}/messages"))!
            ["items"]!.AsArray().Any(m => m!["status"]!.GetValue<string>() == "failed"));
        var forged = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/{channelId}") { Content = JsonContent.Create(update) };
        forged.Headers.Add("X-Telegram-Bot-Api-Secret-Token", "wrong");
        await client.SendAsync(forged);

        var logs = string.Join('\n', sink.Lines);
        Assert.Contains(sink.Lines, l => l.StartsWith("Debug ", StringComparison.Ordinal)); // the sink really hears Debug
        Assert.Contains(sink.Lines, l => l.StartsWith("Information Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal));
        Assert.DoesNotContain(sink.Lines, l => l.Contains(" System.Net.Http.HttpClient.", StringComparison.Ordinal)); // request URLs carry bot tokens: no HttpClient logger
        Assert.DoesNotContain(text, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("Ответ оператора", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("79161112233", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("111-22-33", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(TelegramTestKit.BotToken, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
    }
}
