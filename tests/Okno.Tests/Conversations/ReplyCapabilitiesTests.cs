using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Channels.Max;
using Okno.Tests.Channels.Vk;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Conversations;

/// <summary>What the route cannot carry is refused before 202, with the limit named (was: 202, then failed in the worker).</summary>
public abstract class ReplyCapabilitiesTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private static long _user = 7_700_000 + Random.Shared.Next(0, 100_000) * 10;

    private async Task<long> VkConversationAsync()
    {
        var kit = await VkTestKit.CreateAsync(App);
        var tag = "вопрос " + Guid.NewGuid().ToString("N")[..8];
        await kit.PostAsync(kit.Sim.TextMessage(kit.GroupId, Interlocked.Increment(ref _user), tag));
        var c = await OknoApp.EventuallyAsync(() => kit.FindConversationAsync(tag), what: "the VK conversation");
        return c["id"]!.GetValue<long>();
    }

    private async Task<long> MaxConversationAsync()
    {
        var kit = await MaxTestKit.CreateAsync(App);
        var tag = "вопрос " + Guid.NewGuid().ToString("N")[..8];
        await kit.PostAsync(kit.Sim.TextUpdate(kit.Token, Interlocked.Increment(ref _user), tag));
        var c = await OknoApp.EventuallyAsync(() => kit.FindConversationAsync(tag), what: "the MAX conversation");
        return c["id"]!.GetValue<long>();
    }

    private async Task<(HttpStatusCode Status, string Body)> ReplyAsync(long conversationId, object body)
    {
        using var client = App.Api();
        var response = await client.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages", body);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static JsonObject File() => new() { ["fileName"] = "договор.pdf", ["contentType"] = "application/pdf", ["contentBase64"] = Convert.ToBase64String("%PDF-1.4 "u8.ToArray()) };

    [SkippableFact]
    public async Task Reply_FileToVk_422NamesWhy()
    {
        var id = await VkConversationAsync();

        var (status, body) = await ReplyAsync(id, new { text = "Договор", files = new[] { File() } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("файлов", body, StringComparison.Ordinal);
        Assert.DoesNotContain((await App.GetJsonAsync($"/api/v1/conversations/{id}/messages"))["items"]!.AsArray(),
            m => m!["direction"]?.GetValue<string>() == "outbound");
    }

    [SkippableFact]
    public async Task Reply_FileToMax_422()
    {
        var id = await MaxConversationAsync();

        var (status, body) = await ReplyAsync(id, new { files = new[] { File() } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("MAX", body, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Reply_TextOver9000ToVk_422NamesTheLimit()
    {
        var id = await VkConversationAsync();

        var (status, body) = await ReplyAsync(id, new { text = new string('в', 9001) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("9000", body, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Reply_Text5000ToVk_202()
    {
        var id = await VkConversationAsync();

        var (status, _) = await ReplyAsync(id, new { text = new string('в', 5000) });

        Assert.Equal(HttpStatusCode.Accepted, status);
    }

    [SkippableFact]
    public async Task Reply_TextOver4000ToMax_422NamesTheLimit()
    {
        var id = await MaxConversationAsync();

        var (status, body) = await ReplyAsync(id, new { text = new string('м', 4001) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("4000", body, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Routes_Vk_SayNoFilesAndTheLimit()
    {
        var id = await VkConversationAsync();

        var route = (await App.GetJsonAsync($"/api/v1/conversations/{id}/routes"))["items"]!.AsArray().Single()!;

        Assert.False(route["filesOut"]!.GetValue<bool>());
        Assert.Equal(9000, route["textLimit"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(route["noFilesReason"]!.GetValue<string>()));
    }
}

public sealed class ReplyCapabilitiesSqliteTests(SqliteOknoApp app) : ReplyCapabilitiesTests<SqliteOknoApp>(app);

public sealed class ReplyCapabilitiesPostgresTests(PostgresOknoApp app) : ReplyCapabilitiesTests<PostgresOknoApp>(app);
