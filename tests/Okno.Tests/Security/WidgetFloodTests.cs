using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Okno.Tests.Channels.WebChat;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Security;

/// <summary>
/// Issue 10.11: anyone could open unlimited anonymous chats and event streams, and uploads were written before
/// every check had run.
/// </summary>
public abstract class WidgetFloodTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private static HttpRequestMessage Request(HttpMethod method, string url, HttpContent? content = null, string? token = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add("Origin", WebChatTestKit.SiteOrigin);
        if (token is not null) request.Headers.Add("X-Okno-Visitor", token);
        return request;
    }

    [SkippableFact]
    public async Task Session_NewVisitorsFromOneIpOverTheCap_429()
    {
        var kit = await WebChatTestKit.CreateAsync(App);
        using var host = App.WithWebHostBuilder(b => b.UseSetting("Okno:Widget:NewSessionsPerIpPerHour", "3").FromIp("198.51.100.20"));
        using var client = host.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await client.SendAsync(Request(HttpMethod.Post, $"/api/widget/{kit.ChannelId}/session", JsonContent.Create(new JsonObject())))).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [SkippableFact]
    public async Task Events_FourthStreamOfOneVisitor_429()
    {
        var kit = await WebChatTestKit.CreateAsync(App);
        var token = (await kit.SessionAsync())["token"]!.GetValue<string>();
        using var client = App.CreateClient();
        var open = new List<HttpResponseMessage>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var stream = await client.SendAsync(Request(HttpMethod.Get, $"/api/widget/{kit.ChannelId}/events?token={Uri.EscapeDataString(token)}"), HttpCompletionOption.ResponseHeadersRead);
                Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
                open.Add(stream);
            }

            using var fourth = await client.SendAsync(Request(HttpMethod.Get, $"/api/widget/{kit.ChannelId}/events?token={Uri.EscapeDataString(token)}"), HttpCompletionOption.ResponseHeadersRead);

            Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        }
        finally
        {
            foreach (var s in open) s.Dispose();
        }
    }

    private static MultipartFormDataContent Upload(string id, byte[] bytes, string fileName)
    {
        var form = new MultipartFormDataContent { { new StringContent(id), "id" }, { new ByteArrayContent(bytes), "file", fileName } };
        return form;
    }

    private int StoredFiles() => Directory.Exists(Path.Combine(App.DataDir, "files"))
        ? Directory.EnumerateFiles(Path.Combine(App.DataDir, "files"), "*", SearchOption.AllDirectories).Count() : 0;

    [SkippableFact]
    public async Task Upload_HtmlNamedPng_400AndNothingWritten()
    {
        var kit = await WebChatTestKit.CreateAsync(App);
        var token = (await kit.SessionAsync())["token"]!.GetValue<string>();
        var before = StoredFiles();

        var answer = await kit.SendAsync(HttpMethod.Post, "/upload", Upload(Guid.NewGuid().ToString("N"), "<html><script>alert(1)</script>"u8.ToArray(), "photo.png"), token);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal(before, StoredFiles());
    }

    [SkippableFact]
    public async Task Upload_SameMessageIdTwice_OneFileOneMessage()
    {
        var kit = await WebChatTestKit.CreateAsync(App);
        var token = (await kit.SessionAsync())["token"]!.GetValue<string>();
        var id = Guid.NewGuid().ToString("N");
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];
        (await kit.SendAsync(HttpMethod.Post, "/upload", Upload(id, png, "scan.png"), token)).EnsureSuccessStatusCode();
        // Stored and settled: the message is in, and the outbox has taken the upload into the attachment store.
        await OknoApp.EventuallyAsync(async () =>
        {
            var conversation = (await App.GetJsonAsync("/api/v1/conversations?limit=200"))["items"]!.AsArray()
                .FirstOrDefault(c => c!["sourceChannelId"]?.GetValue<string>() == kit.ChannelId);
            if (conversation is null) return (bool?)null;
            var messages = await kit.MessagesAsync(conversation["id"]!.GetValue<long>());
            return messages.Any(m => m!["attachments"]!.AsArray().Any(a => a!["url"] is not null)) ? true : null;
        }, what: "the upload to be stored");
        var before = StoredFiles();

        var again = await kit.SendAsync(HttpMethod.Post, "/upload", Upload(id, png, "scan.png"), token);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(before, StoredFiles());
        Assert.Single(await kit.HistoryAsync(token));
    }
}

public sealed class WidgetFloodSqliteTests(SqliteOknoApp app) : WidgetFloodTests<SqliteOknoApp>(app);

public sealed class WidgetFloodPostgresTests(PostgresOknoApp app) : WidgetFloodTests<PostgresOknoApp>(app);
