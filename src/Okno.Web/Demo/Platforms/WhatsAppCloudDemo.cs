using System.Text.Json.Nodes;
using Okno.Core.Channels;
using Okno.Simulators;

namespace Okno.Web.Demo.Platforms;

public sealed class WhatsAppCloudDemo : IDemoPlatform
{
    public ChannelKind Kind => ChannelKind.WhatsAppCloud;
    public string SimulatorPrefix => "whatsapp-cloud";
    public string ChannelName => "Демо: WhatsApp (официальный номер)";

    public JsonObject NewSettings() => new()
    {
        ["phoneNumberId"] = "1065" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["accessToken"] = "EAAdemo" + Guid.NewGuid().ToString("N"),
        ["appSecret"] = Guid.NewGuid().ToString("N"),
        ["verifyToken"] = "demo-" + Guid.NewGuid().ToString("N")[..12],
    };

    public void Register(SimulatorHost sim, JsonObject settings, DateTimeOffset now) { }

    public async Task SendTextAsync(SimulatorHost sim, DemoChannel channel, DemoPersona client, string text, CancellationToken ct)
    {
        var notification = sim.WhatsAppCloud.TextMessage(channel.Setting("phoneNumberId"), AddressOf(client), text, $"{client.FirstName} {client.LastName}".Trim());
        using var _ = await sim.WhatsAppCloud.DeliverAsync(channel.WebhookUrl, channel.Setting("appSecret"), notification, ct);
    }

    public async Task SendPhotoAsync(SimulatorHost sim, DemoChannel channel, DemoPersona client, string caption, byte[] png, CancellationToken ct)
    {
        var notification = sim.WhatsAppCloud.MediaMessage(channel.Setting("phoneNumberId"), AddressOf(client), "image", png, "image/png", caption);
        using var _ = await sim.WhatsAppCloud.DeliverAsync(channel.WebhookUrl, channel.Setting("appSecret"), notification, ct);
    }

    public IReadOnlyList<(string Address, string Text)> Sent(SimulatorHost sim, DemoChannel channel) =>
        sim.WhatsAppCloud.CallsTo("messages")
            .Where(c => c.Path.Contains("/" + channel.Setting("phoneNumberId") + "/", StringComparison.Ordinal))
            .Select(c => (c.Body["to"]?.ToString() ?? "", c.Body["text"]?["body"]?.ToString() ?? "📎"))
            .ToList();

    /// <summary>The wa_id: the phone in international format without "+".</summary>
    public string AddressOf(DemoPersona client) => (client.Phone ?? "").TrimStart('+');
}
