using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Security;

/// <summary>Issue 10.14: channel settings (API addresses, ids, secret tails) are for administrators only.</summary>
public abstract class ChannelSettingsReadTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableTheory]
    [InlineData("operator")]
    [InlineData("lawyer")]
    [InlineData("supervisor")]
    public async Task ListAndGet_StaffRole_SlimWithoutSettings(string role)
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var (email, _) = await SecurityKit.CreateUserAsync(App, role);
        using var staff = await SecurityKit.SignedInAsync(App, email);

        var list = await staff.GetFromJsonAsync<JsonArray>("/api/v1/channels");
        var one = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/channels/{kit.ChannelId}");

        var listed = list!.Single(c => c!["id"]!.GetValue<string>() == kit.ChannelId)!.AsObject();
        foreach (var channel in new[] { listed, one! })
        {
            Assert.Equal("telegram", channel["kind"]!.GetValue<string>());
            Assert.False(channel.ContainsKey("settings"));
            Assert.False(channel.ContainsKey("webhookUrl"));
            Assert.DoesNotContain(App.Sim.UrlOf("telegram"), channel.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task Get_Admin_SeesSettings()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        using var admin = await SecurityKit.SignedInAsync(App, OknoApp.AdminEmail, OknoApp.AdminPassword);

        var one = await admin.GetFromJsonAsync<JsonObject>($"/api/v1/channels/{kit.ChannelId}");

        Assert.Equal(App.Sim.UrlOf("telegram"), one!["settings"]!["apiBaseUrl"]!.GetValue<string>());
    }
}

public sealed class ChannelSettingsReadSqliteTests(SqliteOknoApp app) : ChannelSettingsReadTests<SqliteOknoApp>(app);

public sealed class ChannelSettingsReadPostgresTests(PostgresOknoApp app) : ChannelSettingsReadTests<PostgresOknoApp>(app);
