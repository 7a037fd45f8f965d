using System.Globalization;
using System.Text.Json.Nodes;
using Okno.Core.Channels;
using Okno.Simulators;

namespace Okno.Web.Demo.Platforms;

public sealed class MaxDemo : IDemoPlatform
{
    public ChannelKind Kind => ChannelKind.Max;
    public string SimulatorPrefix => "max";
    public string ChannelName => "Демо: бот MAX";

    public JsonObject NewSettings() => new()
    {
        ["accessToken"] = "demo" + Guid.NewGuid().ToString("N"),
        ["webhookSecret"] = "demo-" + Guid.NewGuid().ToString("N"),
    };

    public void Register(SimulatorHost sim, JsonObject settings, DateTimeOffset now) => sim.Max.AddBot(555_000_111, settings["accessToken"]!.GetValue<string>());

    public async Task SendTextAsync(SimulatorHost sim, DemoChannel channel, DemoPersona client, string text, CancellationToken ct)
    {
        var token = channel.Setting("accessToken");
        using var _ = await sim.Max.DeliverAsync(token, sim.Max.TextUpdate(token, client.UserId, text, client.FirstName, client.LastName), ct);
    }

    public async Task SendPhotoAsync(SimulatorHost sim, DemoChannel channel, DemoPersona client, string caption, byte[] png, CancellationToken ct)
    {
        var token = channel.Setting("accessToken");
        using var _ = await sim.Max.DeliverAsync(token, sim.Max.ImageUpdate(token, client.UserId, caption, png), ct);
    }

    public IReadOnlyList<(string Address, string Text)> Sent(SimulatorHost sim, DemoChannel channel)
    {
        var token = channel.Setting("accessToken");
        return sim.Max.AllSent.Where(s => s.Token == token)
            .Select(s => (s.Message.UserId.ToString(CultureInfo.InvariantCulture), s.Message.Text)).ToList();
    }

    public string AddressOf(DemoPersona client) => client.UserId.ToString(CultureInfo.InvariantCulture);
}
