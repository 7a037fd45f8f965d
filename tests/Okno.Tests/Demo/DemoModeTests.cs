using System.Net;
using System.Text.Json.Nodes;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Demo;

public abstract class DemoModeTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : DemoOknoApp
{
    private async Task<List<string>> DemoChannelIdsAsync()
    {
        using var client = App.Api();
        var channels = JsonNode.Parse(await client.GetStringAsync("/api/v1/channels"))!.AsArray();
        return channels.Where(c => c!["isDemo"]!.GetValue<bool>()).Select(c => c!["id"]!.GetValue<string>()).ToList();
    }

    private async Task<List<JsonNode>> DemoConversationsAsync(IReadOnlyCollection<string> demoChannels) =>
        (await App.GetJsonAsync("/api/v1/conversations?limit=200"))["items"]!.AsArray()
            .Where(c => demoChannels.Contains(c!["sourceChannelId"]!.GetValue<string>())).Select(c => c!).ToList();

    [SkippableFact]
    public async Task DemoMode_Start_ConversationsArriveWithinAMinuteThenDeleteRemovesThem()
    {
        var started = DateTime.UtcNow;
        var channels = await OknoApp.EventuallyAsync(async () => { var ids = await DemoChannelIdsAsync(); return ids.Count >= 3 ? ids : null; },
            TimeSpan.FromSeconds(30), "the demo channels");
        var conversations = await OknoApp.EventuallyAsync(async () => { var list = await DemoConversationsAsync(channels); return list.Count > 0 ? list : null; },
            TimeSpan.FromSeconds(60), "demo conversations");
        var arrivedAfter = DateTime.UtcNow - started;

        Assert.InRange(arrivedAfter, TimeSpan.Zero, TimeSpan.FromSeconds(60));
        var first = conversations[0];
        Assert.Matches("[а-яА-Я]", first["lastMessagePreview"]!.GetValue<string>());
        using (var client = App.Api())
        {
            var channelList = JsonNode.Parse(await client.GetStringAsync("/api/v1/channels"))!.AsArray();
            Assert.All(channelList.Where(c => c!["isDemo"]!.GetValue<bool>()), c => Assert.Equal("connected", c!["status"]!.GetValue<string>()));
        }

        using var api = App.Api();
        var response = await api.DeleteAsync("/api/v1/demo");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var removed = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(removed["conversations"]!.GetValue<int>() >= 1);
        Assert.Empty(await DemoChannelIdsAsync());
        Assert.Empty(await DemoConversationsAsync(channels));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/conversations/{first["id"]}")).StatusCode);
    }

    [SkippableFact]
    public async Task DeleteDemo_WithoutToken_401()
    {
        using var client = App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.DeleteAsync("/api/v1/demo")).StatusCode);
    }
}

public sealed class DemoModeSqliteTests(DemoSqliteOknoApp app) : DemoModeTests<DemoSqliteOknoApp>(app);

public sealed class DemoModePostgresTests(DemoPostgresOknoApp app) : DemoModeTests<DemoPostgresOknoApp>(app);
