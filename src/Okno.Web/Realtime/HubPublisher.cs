using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Okno.Core.Events;

namespace Okno.Web.Realtime;

/// <summary>Forwards bus events to the hub in order, off the committing thread.</summary>
public sealed class HubPublisher(EventBus bus, IHubContext<InboxHub> hub, ILogger<HubPublisher> log) : BackgroundService
{
    private readonly Channel<OknoEvent> _queue = Channel.CreateUnbounded<OknoEvent>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = bus.Subscribe(e => _queue.Writer.TryWrite(e));
        await foreach (var e in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try { await SendAsync(e); }
            catch (Exception ex) { log.LogWarning("Hub push failed: {Error}", ex.GetType().Name); }
        }
    }

    private Task SendAsync(OknoEvent e)
    {
        var audience = e.AssigneeId is { } a ? hub.Clients.Groups(InboxHub.Staff, InboxHub.UserGroup(a)) : hub.Clients.Groups(InboxHub.Staff, InboxHub.Queue);
        return e switch
        {
            MessageCreated m => audience.SendAsync("messageCreated", new { m.ConversationId, m.MessageId, m.ContactId, m.Direction }),
            MessageStatusChanged s => audience.SendAsync("messageStatusChanged", new { s.ConversationId, s.MessageId, Status = s.Status.ToString().ToLowerInvariant(), Error = Conversations.Masking.ForEveryone(s.Error) }),
            ConversationUpdated c => audience.SendAsync("conversationUpdated", new { c.ConversationId, c.Change, c.AssigneeId }),
            ChannelStatusChanged c => hub.Clients.Group(InboxHub.Staff).SendAsync("channelStatusChanged", new { ChannelId = c.ChannelId, Status = Channels.ChannelDto.StatusName(c.Status), Reason = Conversations.Masking.ForEveryone(c.Reason) }),
            UserNotified n => hub.Clients.Group(InboxHub.UserGroup(n.UserId)).SendAsync("notification", new { Text = Conversations.Masking.ForEveryone(n.Text), n.ConversationId }),
            _ => Task.CompletedTask,
        };
    }
}
