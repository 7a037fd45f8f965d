using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Okno.Channels.Avito;
using Okno.Core.Channels;
using Okno.Simulators;

namespace Okno.Tests.Channels.Avito;

/// <summary>The connector against the stand-in directly, for what the REST API cannot trigger yet (an image reply).</summary>
public sealed class AvitoConnectorTests : IAsyncLifetime
{
    private SimulatorHost _sim = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _sim = await SimulatorHost.StartAsync();
        _services = new ServiceCollection().AddSingleton(TimeProvider.System).AddAvitoChannel().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _sim.DisposeAsync();
    }

    private ChannelContext Channel(long userId, string clientId)
    {
        _sim.Avito.RegisterClient(clientId, "secret-" + clientId);
        return new ChannelContext(Guid.NewGuid(), ChannelKind.Avito, "Avito", new JsonObject
        {
            ["clientId"] = clientId, ["clientSecret"] = "secret-" + clientId, ["userId"] = userId, ["apiBaseUrl"] = _sim.UrlOf("avito"),
        });
    }

    [Fact]
    public async Task SendAsync_ImageWithCaption_UploadsThenSendsImageThenText()
    {
        var connector = (AvitoConnector)_services.GetServices<IChannelConnector>().Single(c => c.Kind == ChannelKind.Avito);
        var channel = Channel(555000111, "img-client");
        var bytes = Encoding.UTF8.GetBytes("jpeg-bytes");
        var message = new OutboundMessage
        {
            MessageId = 1, OutboxId = 1, ConversationId = 1, Address = "u2i-chat-1", Text = "Скан договора",
            Attachments = [new OutboundAttachment("scan.jpg", "image/jpeg", bytes.Length, null, _ => Task.FromResult<Stream>(new MemoryStream(bytes)))],
        };

        var result = await connector.SendAsync(channel, message, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Sent, result.Outcome);
        var calls = _sim.Avito.Calls.Where(c => c.Path.Contains("/accounts/555000111/", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["/avito/messenger/v1/accounts/555000111/uploadImages", "/avito/messenger/v1/accounts/555000111/chats/u2i-chat-1/messages/image",
             "/avito/messenger/v1/accounts/555000111/chats/u2i-chat-1/messages", "/avito/messenger/v1/accounts/555000111/chats/u2i-chat-1/read"],
            calls.Select(c => c.Path));
        Assert.StartsWith("scan.jpg (10 bytes, image/jpeg)", calls[0].Body["uploadfile[]"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(calls[1].Body["image_id"]?.GetValue<string>()));
        Assert.Equal("Скан договора", calls[2].Body["message"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendAsync_PdfAttachment_FailedWithoutCallingAvito()
    {
        var connector = (AvitoConnector)_services.GetServices<IChannelConnector>().Single(c => c.Kind == ChannelKind.Avito);
        var channel = Channel(555000112, "pdf-client");
        var message = new OutboundMessage
        {
            MessageId = 2, OutboxId = 2, ConversationId = 1, Address = "u2i-chat-2",
            Attachments = [new OutboundAttachment("doc.pdf", "application/pdf", 3, null, _ => Task.FromResult<Stream>(new MemoryStream([1, 2, 3])))],
        };

        var result = await connector.SendAsync(channel, message, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Contains("изображения", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(_sim.Avito.Calls, c => c.Path.Contains("/accounts/555000112/", StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateSettings_MissingCredentialsAndBadUserId_ErrorsPerField()
    {
        var connector = (AvitoConnector)_services.GetServices<IChannelConnector>().Single(c => c.Kind == ChannelKind.Avito);

        var (_, errors) = ChannelSettingsCheck.Run(connector, new JsonObject { ["userId"] = "abc", ["apiBaseUrl"] = "ftp://x" });

        Assert.Equal(["apiBaseUrl", "clientId", "clientSecret", "userId"], errors.Keys.Order());
    }
}
