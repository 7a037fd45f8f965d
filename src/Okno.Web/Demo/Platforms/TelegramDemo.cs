using System.Globalization;
using System.Text.Json.Nodes;
using Okno.Core.Channels;
using Okno.Simulators;

namespace Okno.Web.Demo.Platforms;

public sealed class TelegramDemo : IDemoPlatform
{
    public ChannelKind Kind => ChannelKind.Telegram;
    public string SimulatorPrefix => "telegram";
    public string ChannelName => "Демо: Telegram-бот фирмы";

    public JsonObject NewSettings() => new()
    {
        ["botToken"] = "7000000001:AAE-demo_" + Guid.NewGuid().ToString("N")[..24],
        ["secretToken"] = "demo-" + Guid.NewGuid().ToString("N"),
        ["mode"] = "webhook",
    };

    public void Register(SimulatorHost sim, JsonObject settings, DateTimeOffset now) =>
        sim.Telegram.ContinueIdsAfter(now.ToUnixTimeMilliseconds() / 100); // ids of an earlier run are taken

    public async Task SendTextAsync(SimulatorHost sim, DemoChannel channel, DemoPersona client, string text, CancellationToken ct)
    {
        using var _ = await sim.Telegram.DeliverAsync(channel.WebhookUrl, channel.Setting("secretToken"),
            sim.Telegram.TextUpdate(client.UserId, text, client.FirstName, client.LastName), ct);
    }

    public async Task SendPhotoAsync(SimulatorHost sim, DemoChannel channel, DemoPersona client, string caption, byte[] png, CancellationToken ct)
    {
        using var _ = await sim.Telegram.DeliverAsync(channel.WebhookUrl, channel.Setting("secretToken"),
            sim.Telegram.PhotoUpdate(client.UserId, caption, png, client.FirstName), ct);
    }

    public IReadOnlyList<(string Address, string Text)> Sent(SimulatorHost sim, DemoChannel channel) =>
        sim.Telegram.Calls
            .Where(c => c.Path.StartsWith($"/bot{channel.Setting("botToken")}/send", StringComparison.Ordinal))
            .Select(c => (c.Body["chat_id"]?.ToString() ?? "", c.Body["text"]?.ToString() ?? c.Body["caption"]?.ToString() ?? "📎"))
            .ToList();

    public string AddressOf(DemoPersona client) => client.UserId.ToString(CultureInfo.InvariantCulture);
}
