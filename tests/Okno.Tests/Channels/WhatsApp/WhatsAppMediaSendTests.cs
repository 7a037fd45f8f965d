using System.Text;
using System.Text.Json.Nodes;
using Okno.Channels.GreenApi;
using Okno.Channels.Waha;
using Okno.Channels.WhatsAppCloud;
using Okno.Core.Channels;
using Okno.Simulators;
using Okno.Simulators.Waha;

namespace Okno.Tests.Channels.WhatsApp;

/// <summary>
/// Outbound files, connector against stand-in (the reply API takes text and templates only so far): by link when
/// the file has a public URL, otherwise uploaded — and shaped as each platform documents.
/// </summary>
public sealed class WhatsAppMediaSendTests : IAsyncLifetime
{
    private sealed class Factory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }

    private SimulatorHost _sim = null!;
    private static readonly byte[] Pdf = Encoding.UTF8.GetBytes("%PDF-1.4 test");

    public async Task InitializeAsync() => _sim = await SimulatorHost.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private static OutboundMessage Message(string address, string? text, params OutboundAttachment[] attachments) => new()
    {
        MessageId = 1, OutboxId = 1, ConversationId = 1, Address = address, Text = text, Attachments = attachments,
    };

    private static OutboundAttachment Stored(string name, string type) =>
        new(name, type, Pdf.Length, null, _ => Task.FromResult<Stream>(new MemoryStream(Pdf)));

    [Fact]
    public async Task Cloud_ImageByLinkAndPdfUploaded_SentAsDocumented()
    {
        var connector = new WhatsAppCloudConnector(new Factory());
        var channel = new ChannelContext(Guid.NewGuid(), ChannelKind.WhatsAppCloud, "c", new JsonObject
        {
            ["phoneNumberId"] = "106540352242922", ["accessToken"] = "EAAG-token", ["appSecret"] = "s", ["verifyToken"] = "v", ["apiBaseUrl"] = _sim.WhatsAppCloud.BaseUrl,
        });

        var result = await connector.SendAsync(channel, Message("79161234567", "Подпишите, пожалуйста",
            new OutboundAttachment("photo.jpg", "image/jpeg", 10, "https://files.example/photo.jpg", null), Stored("Договор.pdf", "application/pdf")), default);

        Assert.Equal(DeliveryOutcome.Sent, result.Outcome);
        var sends = _sim.WhatsAppCloud.CallsTo("messages");
        Assert.Equal(2, sends.Count);
        Assert.Equal("image", sends[0].Body["type"]!.GetValue<string>());
        Assert.Equal("https://files.example/photo.jpg", sends[0].Body["image"]!["link"]!.GetValue<string>());
        Assert.Equal("Подпишите, пожалуйста", sends[0].Body["image"]!["caption"]!.GetValue<string>());
        var upload = Assert.Single(_sim.WhatsAppCloud.CallsTo("media"));
        Assert.Equal("whatsapp", upload.Body["messaging_product"]!.GetValue<string>());
        Assert.Equal("application/pdf", upload.Body["type"]!.GetValue<string>());
        Assert.Equal("document", sends[1].Body["type"]!.GetValue<string>());
        Assert.Equal("Договор.pdf", sends[1].Body["document"]!["filename"]!.GetValue<string>());
        Assert.NotNull(sends[1].Body["document"]!["id"]);
        Assert.Null(sends[1].Body["document"]!["caption"]);
    }

    [Fact]
    public async Task GreenApi_FileByUrlAndByUpload_SentAsDocumented()
    {
        var connector = new GreenApiConnector(new Factory(), new GreenApiPace(TimeProvider.System), TimeProvider.System);
        var channel = new ChannelContext(Guid.NewGuid(), ChannelKind.WhatsAppGreenApi, "g", new JsonObject
        {
            ["idInstance"] = "1101000001", ["apiTokenInstance"] = "tok", ["webhookToken"] = "w", ["minIntervalMs"] = 500, ["apiBaseUrl"] = _sim.GreenApi.BaseUrl,
        });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await connector.SendAsync(channel, Message("79161234567", "Скан",
            new OutboundAttachment("scan.jpg", "image/jpeg", 10, "https://files.example/scan.jpg", null), Stored("Иск.pdf", "application/pdf")), default);
        clock.Stop();

        Assert.Equal(DeliveryOutcome.Sent, result.Outcome);
        var byUrl = Assert.Single(_sim.GreenApi.CallsTo("sendFileByUrl"));
        Assert.Equal("/greenapi/waInstance1101000001/sendFileByUrl/tok", byUrl.Path);
        Assert.Equal("79161234567@c.us", byUrl.Body["chatId"]!.GetValue<string>());
        Assert.Equal("https://files.example/scan.jpg", byUrl.Body["urlFile"]!.GetValue<string>());
        Assert.Equal("scan.jpg", byUrl.Body["fileName"]!.GetValue<string>());
        Assert.Equal("Скан", byUrl.Body["caption"]!.GetValue<string>());
        var upload = Assert.Single(_sim.GreenApi.CallsTo("sendFileByUpload"));
        Assert.Equal("79161234567@c.us", upload.Body["chatId"]!.GetValue<string>());
        Assert.StartsWith("Иск.pdf", upload.Body["file"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(500), $"The second file waited for its turn ({clock.ElapsedMilliseconds} ms).");
    }

    [Fact]
    public async Task GreenApi_Template_RefusedWithReason()
    {
        var connector = new GreenApiConnector(new Factory(), new GreenApiPace(TimeProvider.System), TimeProvider.System);
        var channel = new ChannelContext(Guid.NewGuid(), ChannelKind.WhatsAppGreenApi, "g", new JsonObject
        {
            ["idInstance"] = "1101000002", ["apiTokenInstance"] = "tok", ["webhookToken"] = "w", ["apiBaseUrl"] = _sim.GreenApi.BaseUrl,
        });

        var result = await connector.SendAsync(channel, Message("79161234567", null) with { Template = "{\"name\":\"x\"}" }, default);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Contains("Cloud API", result.Reason, StringComparison.Ordinal);
        Assert.Empty(_sim.GreenApi.CallsTo("sendMessage", "1101000002"));
    }

    [Fact]
    public async Task GreenApi_NumberOnYellowCard_NothingSentChannelBlocked()
    {
        var connector = new GreenApiConnector(new Factory(), new GreenApiPace(TimeProvider.System), TimeProvider.System);
        var channel = new ChannelContext(Guid.NewGuid(), ChannelKind.WhatsAppGreenApi, "g", new JsonObject
        {
            ["idInstance"] = "1101000003", ["apiTokenInstance"] = "tok", ["webhookToken"] = "w", ["apiBaseUrl"] = _sim.GreenApi.BaseUrl,
        });
        _sim.GreenApi.SetState("1101000003", "yellowCard");

        var result = await connector.SendAsync(channel, Message("79161234567", "Привет"), default);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Equal(ChannelStatus.Blocked, result.ChannelStatus);
        Assert.Contains("yellowCard", result.Reason, StringComparison.Ordinal);
        Assert.Empty(_sim.GreenApi.CallsTo("sendMessage", "1101000003"));
    }

    [Fact]
    public async Task Waha_StoredPdf_SentAsBase64FileWithCaption()
    {
        var connector = new WahaConnector(new Factory(), TimeProvider.System);
        var channel = new ChannelContext(Guid.NewGuid(), ChannelKind.WhatsAppWaha, "w", new JsonObject
        {
            ["session"] = "default", ["apiKey"] = WahaSimulator.ApiKey, ["hmacKey"] = "h", ["apiBaseUrl"] = _sim.Waha.BaseUrl,
        });

        var result = await connector.SendAsync(channel, Message("79161234567", "Иск", Stored("Иск.pdf", "application/pdf")), default);

        Assert.Equal(DeliveryOutcome.Sent, result.Outcome);
        var call = Assert.Single(_sim.Waha.CallsTo("/api/sendFile"));
        Assert.Equal("79161234567@c.us", call.Body["chatId"]!.GetValue<string>());
        Assert.Equal("Иск", call.Body["caption"]!.GetValue<string>());
        Assert.Equal(Convert.ToBase64String(Pdf), call.Body["file"]!["data"]!.GetValue<string>());
        Assert.Equal("application/pdf", call.Body["file"]!["mimetype"]!.GetValue<string>());
        Assert.Equal(result.ExternalId, Assert.Single(_sim.Waha.Sent).Id);
    }

    [Fact]
    public async Task Waha_SessionNotWorking_RetryNotFailure()
    {
        var connector = new WahaConnector(new Factory(), TimeProvider.System);
        var channel = new ChannelContext(Guid.NewGuid(), ChannelKind.WhatsAppWaha, "w", new JsonObject
        {
            ["session"] = "sleepy", ["apiKey"] = WahaSimulator.ApiKey, ["hmacKey"] = "h", ["apiBaseUrl"] = _sim.Waha.BaseUrl,
        });
        _sim.Waha.SetStatus("sleepy", "SCAN_QR_CODE");

        var result = await connector.SendAsync(channel, Message("79161234567", "Привет"), default);

        Assert.Equal(DeliveryOutcome.Retry, result.Outcome);
        Assert.Equal(TimeSpan.FromMinutes(1), result.RetryAfter);
    }
}
