using System.Text.Json.Nodes;
using Okno.Tests.Channels.GreenApi;
using Okno.Tests.Channels.Waha;
using Okno.Tests.Channels.WhatsApp;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Security;

/// <summary>
/// Issue 10.7: a webhook payload's media URL made Okno fetch anything — another port on the server itself, the
/// cloud metadata address — and WAHA sent its API key along to whatever host the payload named.
/// </summary>
public abstract class MediaUrlSsrfTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0];

    /// <summary>Posts a Green-API file message with <paramref name="downloadUrl"/>, then a real one from the same phone, and waits for the real one to be stored.</summary>
    private async Task<JsonObject> GreenApiAttemptAsync(GreenApiTestKit kit, string downloadUrl)
    {
        var phone = Inbox.NewPhone();
        var caption = "ssrf " + Guid.NewGuid();
        var evil = kit.Sim.IncomingFile(kit.IdInstance, phone, "imageMessage", Jpeg, "image/jpeg", "x.jpg", caption);
        evil["messageData"]!["fileMessageData"]!["downloadUrl"] = downloadUrl;
        (await kit.PostAsync(evil)).EnsureSuccessStatusCode();
        var conversation = await Inbox.ConversationAsync(App, caption);
        var control = "control " + Guid.NewGuid();
        (await kit.PostAsync(kit.Sim.IncomingFile(kit.IdInstance, phone, "imageMessage", Jpeg, "image/jpeg", "ok.jpg", control))).EnsureSuccessStatusCode();
        var id = conversation["id"]!.GetValue<long>();
        await OknoApp.EventuallyAsync(async () => (await Inbox.MessagesAsync(App, id))
            .Any(m => m["text"]?.GetValue<string>() == control && m["attachments"]!.AsArray().Any(a => a!["url"] is not null)), what: "the control file to be stored");
        return (await Inbox.MessagesAsync(App, id)).Single(m => m["text"]?.GetValue<string>() == caption);
    }

    [SkippableFact]
    public async Task GreenApiDownload_OtherLoopbackPort_NeverFetched()
    {
        await using var trap = await TrapServer.StartAsync();
        var kit = await GreenApiTestKit.CreateAsync(App);

        var message = await GreenApiAttemptAsync(kit, $"{trap.BaseUrl}/internal/admin");

        Assert.Empty(trap.Requests);
        Assert.Null(message["attachments"]![0]!["url"]);
    }

    [SkippableFact]
    public async Task GreenApiDownload_CloudMetadataAddress_NotStored()
    {
        var kit = await GreenApiTestKit.CreateAsync(App);

        var message = await GreenApiAttemptAsync(kit, "http://169.254.169.254/latest/meta-data/iam/security-credentials/");

        Assert.Null(message["attachments"]![0]!["url"]);
    }

    [SkippableFact]
    public async Task GreenApiDownload_AllowedNameResolvingToLoopback_RefusedAtConnect()
    {
        await using var trap = await TrapServer.StartAsync();
        // An allow-listed name that resolves to a private address (DNS rebinding, a hijacked record): refused when
        // the socket connects, after resolution.
        var kit = await GreenApiTestKit.CreateAsync(App);
        using (var admin = App.Api())
            (await admin.PatchAsync($"/api/v1/channels/{kit.ChannelId}", System.Net.Http.Json.JsonContent.Create(
                new JsonObject { ["settings"] = new JsonObject { ["mediaHosts"] = "localhost" } }))).EnsureSuccessStatusCode();

        var message = await GreenApiAttemptAsync(kit, $"https://localhost:{trap.Port}/x.jpg");

        Assert.Empty(trap.Requests); // HTTPS to a plain server would still show up as a request line if it connected
        Assert.Null(message["attachments"]![0]!["url"]);
    }

    [SkippableFact]
    public async Task WahaDownload_ForeignHost_ApiKeyNeverSent()
    {
        await using var trap = await TrapServer.StartAsync();
        var kit = await WahaTestKit.CreateAsync(App);
        var phone = Inbox.NewPhone();
        var caption = "waha-ssrf " + Guid.NewGuid();
        var evil = kit.Sim.MediaMessage(kit.Session, phone, Jpeg, "image/jpeg", "x.jpg", caption);
        evil["payload"]!["media"]!["url"] = $"{trap.BaseUrl}/steal.jpg";
        (await kit.PostAsync(evil)).EnsureSuccessStatusCode();
        var conversation = await Inbox.ConversationAsync(App, caption);
        var control = "waha-control " + Guid.NewGuid();
        (await kit.PostAsync(kit.Sim.MediaMessage(kit.Session, phone, Jpeg, "image/jpeg", "ok.jpg", control))).EnsureSuccessStatusCode();
        var id = conversation["id"]!.GetValue<long>();
        await OknoApp.EventuallyAsync(async () => (await Inbox.MessagesAsync(App, id))
            .Any(m => m["text"]?.GetValue<string>() == control && m["attachments"]!.AsArray().Any(a => a!["url"] is not null)), what: "the control file to be stored");

        Assert.Empty(trap.Requests);
    }
}

public sealed class MediaUrlSsrfSqliteTests(SqliteOknoApp app) : MediaUrlSsrfTests<SqliteOknoApp>(app);

public sealed class MediaUrlSsrfPostgresTests(PostgresOknoApp app) : MediaUrlSsrfTests<PostgresOknoApp>(app);
