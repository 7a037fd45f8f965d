using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Okno.Core.Events;

namespace Okno.Web.Realtime;

/// <summary>Forwards the live-event stream to this node's hub connections in order, off the committing thread.</summary>
public sealed class HubPublisher(ILiveEvents bus, IHubContext<InboxHub> hub, LiveWalls walls, ILogger<HubPublisher> log) : BackgroundService
{
    private readonly Channel<OknoEvent> _queue = Channel.CreateUnbounded<OknoEvent>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = bus.Subscribe(e => _queue.Writer.TryWrite(e));
        await foreach (var e in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try { await SendAsync(e, await walls.MembersAsync(e, stoppingToken)); }
            catch (Exception ex) { log.LogWarning("Hub push failed: {Error}", ex.GetType().Name); }
        }
    }

    private Task SendAsync(OknoEvent e, IReadOnlySet<long>? walled)
    {
        // Each node sends to its own hub connections: the live-event stream already brought every node's events here.
        var who = LiveAudience.For(e);
        var groups = who.Users.Select(InboxHub.UserGroup).Concat(who.Staff ? [InboxHub.Staff] : []).ToList();
        // An unassigned conversation's events also reach operators narrowed to own + queue.
        if (who.Staff && e.AssigneeId is null && e is not ChannelStatusChanged) groups.Add(InboxHub.Queue);
        // Behind an ethical wall: only the named users, each on their own group (staff and queue groups are left out).
        if (walled is not null) groups = (who.Staff ? walled : walled.Intersect(who.Users)).Select(InboxHub.UserGroup).ToList();
        if (groups.Count == 0) return Task.CompletedTask;
        var audience = hub.Clients.Groups(groups);
        return e switch
        {
            MessageCreated m => audience.SendAsync("messageCreated", new { m.ConversationId, m.MessageId, m.ContactId, Direction = Name(m.Direction) }),
            MessageStatusChanged s => audience.SendAsync("messageStatusChanged", new { s.ConversationId, s.MessageId, Status = s.Status.ToString().ToLowerInvariant(), Error = Conversations.Masking.ForEveryone(s.Error) }),
            ConversationUpdated c => audience.SendAsync("conversationUpdated", new { c.ConversationId, Change = Name(c.Change), c.AssigneeId }),
            ChannelStatusChanged c => audience.SendAsync("channelStatusChanged", new { ChannelId = c.ChannelId, Status = Channels.ChannelDto.StatusName(c.Status), Reason = Conversations.Masking.ForEveryone(c.Reason) }),
            UserNotified n => audience.SendAsync("notification", new { Text = Conversations.Masking.ForEveryone(n.Text), n.ConversationId }),
            Okno.Core.Desk.PresenceChanged p => hub.Clients.All.SendAsync("presenceChanged", new { p.UserId, Status = Okno.Core.Desk.DeskNames.Wire(p.Status), p.Since }),
            Okno.Core.Desk.QueueChanged q => hub.Clients.Group(InboxHub.Staff).SendAsync("queueChanged", new { q.TeamId }),
            Okno.Core.Desk.ConversationAssigned ca => audience.SendAsync("conversationAssigned", new { ca.ConversationId, ca.UserId, AssignedBy = Okno.Core.Desk.DeskNames.Wire(ca.AssignedBy) }),
            Okno.Core.Desk.SlaAtRisk r => audience.SendAsync("slaAtRisk", new { r.ConversationId, r.Kind, r.DueAt }),
            Okno.Core.Desk.SlaBreached b => audience.SendAsync("slaBreached", new { b.ConversationId, b.Kind, b.At }),
            _ => Task.CompletedTask,
        };
    }

    private static string Name(Enum value) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
