using System.Text.Json.Nodes;

namespace Okno.Web.Demo;

/// <summary>A demo channel as stored, with the webhook address the stand-in posts to.</summary>
public sealed record DemoChannel(Guid Id, IDemoPlatform Platform, JsonObject Settings, string WebhookUrl)
{
    public string Setting(string name) => Settings[name]?.GetValue<string>() ?? "";
}
