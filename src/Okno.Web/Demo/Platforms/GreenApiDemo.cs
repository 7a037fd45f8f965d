using System.Text.Json.Nodes;
using Okno.Core.Channels;
using Okno.Simulators;

namespace Okno.Web.Demo.Platforms;

public sealed class GreenApiDemo : IDemoPlatform
{
    public ChannelKind Kind => ChannelKind.WhatsAppGreenApi;
    public string SimulatorPrefix => "greenapi";
    public string ChannelName => "Демо: WhatsApp (второй номер, Green-API)";

    public JsonObject NewSettings() => new()
    {
        ["idInstance"] = "1101" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["apiTokenInstance"] = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")[..18],
        ["webhookToken"] = "demo" + Guid.NewGuid().ToString("N"),
    };

    public void Register(SimulatorHost sim, JsonObject settings, DateTimeOffset now) { }

    public async Task SendTextAsync(SimulatorHost sim, DemoChannel channel, DemoPersona client, string text, CancellationToken ct)
    {
        var notification = sim.GreenApi.IncomingText(channel.Setting("idInstance"), AddressOf(client), text, $"{client.FirstName} {client.LastName}".Trim());
        using var _ = await sim.GreenApi.DeliverAsync(channel.WebhookUrl, channel.Setting("webhookToken"), notification, ct);
    }

    public async Task SendPhotoAsync(SimulatorHost sim, DemoChannel channel, DemoPersona client, string caption, byte[] png, CancellationToken ct)
    {
        var notification = sim.GreenApi.IncomingFile(channel.Setting("idInstance"), AddressOf(client), "imageMessage", png, "image/png", "document.png", caption);
        using var _ = await sim.GreenApi.DeliverAsync(channel.WebhookUrl, channel.Setting("webhookToken"), notification, ct);
    }

    public IReadOnlyList<(string Address, string Text)> Sent(SimulatorHost sim, DemoChannel channel) =>
        sim.GreenApi.Sent.Where(s => s.IdInstance == channel.Setting("idInstance"))
            .Select(s => (s.ChatId.Split('@')[0], s.Text ?? "📎")).ToList();

    public string AddressOf(DemoPersona client) => (client.Phone ?? "").TrimStart('+');
}
