using Okno.Core.Messages;

namespace Okno.Tests.Core;

public sealed class MessageStatusTests
{
    private static Message Sent()
    {
        var m = Message.Reply(1, 1, Guid.NewGuid(), "текст", 1, DateTimeOffset.UnixEpoch);
        m.MarkSent("ext-1", DateTimeOffset.UnixEpoch);
        return m;
    }

    [Fact]
    public void Advance_DeliveredAfterRead_StaysRead()
    {
        var m = Sent();
        m.Advance(MessageStatus.Read);
        Assert.False(m.Advance(MessageStatus.Delivered));
        Assert.Equal(MessageStatus.Read, m.Status);
    }

    [Fact]
    public void Advance_ReadSkippingDelivered_Allowed()
    {
        var m = Sent();
        Assert.True(m.Advance(MessageStatus.Read));
    }

    [Fact]
    public void MarkFailed_AfterDelivered_Ignored()
    {
        var m = Sent();
        m.Advance(MessageStatus.Delivered);
        Assert.False(m.MarkFailed("late failure"));
        Assert.Equal(MessageStatus.Delivered, m.Status);
    }

    [Fact]
    public void Advance_InboundMessage_Ignored()
    {
        var m = Message.Inbound(1, 1, Guid.NewGuid(), "x", MessageKind.Text, "hi", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        Assert.False(m.Advance(MessageStatus.Read));
        Assert.Equal(MessageStatus.Received, m.Status);
    }

    [Fact]
    public void Backoff_GrowsAndIsCapped()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), OutboxItem.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(8), OutboxItem.Backoff(3));
        Assert.Equal(TimeSpan.FromMinutes(5), OutboxItem.Backoff(30));
    }
}
