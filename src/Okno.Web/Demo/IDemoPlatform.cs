using System.Text.Json.Nodes;
using Okno.Core.Channels;
using Okno.Simulators;

namespace Okno.Web.Demo;

/// <summary>
/// How demo mode drives one platform's stand-in: the settings of its demo channel, what the stand-in must know
/// of them, and how a simulated client writes. Add a platform by adding one line to <see cref="DemoPlatforms.All"/>.
/// </summary>
public interface IDemoPlatform
{
    ChannelKind Kind { get; }
    /// <summary>The stand-in's prefix on the simulator host (its apiBaseUrl is {host}/{prefix}).</summary>
    string SimulatorPrefix { get; }
    string ChannelName { get; }

    /// <summary>Credentials for a new demo channel (tokens, secrets), without apiBaseUrl.</summary>
    JsonObject NewSettings();

    /// <summary>Tells the stand-in (its state lives in memory) about a stored demo channel's credentials.</summary>
    void Register(SimulatorHost sim, JsonObject settings, DateTimeOffset now);

    /// <summary>After the connector's own SetUpAsync: what the platform's admin would do by hand (VK: confirm the server).</summary>
    Task AfterSetUpAsync(SimulatorHost sim, DemoChannel channel, CancellationToken ct) => Task.CompletedTask;

    Task SendTextAsync(SimulatorHost sim, DemoChannel channel, DemoPersona client, string text, CancellationToken ct);

    Task SendPhotoAsync(SimulatorHost sim, DemoChannel channel, DemoPersona client, string caption, byte[] png, CancellationToken ct);

    /// <summary>Everything sent to clients through this channel so far, oldest first: (client address, text).</summary>
    IReadOnlyList<(string Address, string Text)> Sent(SimulatorHost sim, DemoChannel channel);

    /// <summary>The client's address on this platform (chat id, peer id, user id, phone).</summary>
    string AddressOf(DemoPersona client);
}
