using System.Globalization;
using System.Text.Json.Nodes;
using Okno.Core.Channels;
using Okno.Simulators;

namespace Okno.Web.Demo.Platforms;

public sealed class VkDemo : IDemoPlatform
{
    public ChannelKind Kind => ChannelKind.Vk;
    public string SimulatorPrefix => "vk";
    public string ChannelName => "Демо: сообщество ВКонтакте";

    public JsonObject NewSettings() => new()
    {
        ["groupId"] = (214_000_000 + Random.Shared.Next(1, 999_999)).ToString(CultureInfo.InvariantCulture),
        ["accessToken"] = "vk1.a.demo" + Guid.NewGuid().ToString("N"),
        ["secret"] = "demo" + Guid.NewGuid().ToString("N")[..20],
        ["confirmationCode"] = Guid.NewGuid().ToString("N")[..8],
    };

    public void Register(SimulatorHost sim, JsonObject settings, DateTimeOffset now) => sim.Vk.AddCommunity(GroupId(settings),
        settings["accessToken"]!.GetValue<string>(), settings["secret"]!.GetValue<string>(), settings["confirmationCode"]!.GetValue<string>());

    /// <summary>The community admin adds our address as a callback server; VK confirms it with the code.</summary>
    public async Task AfterSetUpAsync(SimulatorHost sim, DemoChannel channel, CancellationToken ct) =>
        await sim.Vk.ConfirmServerAsync(GroupId(channel.Settings), channel.WebhookUrl, ct);

    public async Task SendTextAsync(SimulatorHost sim, DemoChannel channel, DemoPersona client, string text, CancellationToken ct)
    {
        var groupId = GroupId(channel.Settings);
        sim.Vk.SetUserName(client.UserId, client.FirstName, client.LastName ?? "");
        using var _ = await sim.Vk.DeliverAsync(groupId, sim.Vk.TextMessage(groupId, client.UserId, text), ct);
    }

    public async Task SendPhotoAsync(SimulatorHost sim, DemoChannel channel, DemoPersona client, string caption, byte[] png, CancellationToken ct)
    {
        var groupId = GroupId(channel.Settings);
        sim.Vk.SetUserName(client.UserId, client.FirstName, client.LastName ?? "");
        using var _ = await sim.Vk.DeliverAsync(groupId, sim.Vk.PhotoMessage(groupId, client.UserId, caption, png), ct);
    }

    public IReadOnlyList<(string Address, string Text)> Sent(SimulatorHost sim, DemoChannel channel)
    {
        var groupId = GroupId(channel.Settings);
        return sim.Vk.AllSent.Where(s => s.GroupId == groupId)
            .Select(s => (s.Message.PeerId.ToString(CultureInfo.InvariantCulture), s.Message.Text)).ToList();
    }

    public string AddressOf(DemoPersona client) => client.UserId.ToString(CultureInfo.InvariantCulture);

    private static long GroupId(JsonObject settings) => long.Parse(settings["groupId"]!.GetValue<string>(), CultureInfo.InvariantCulture);
}
