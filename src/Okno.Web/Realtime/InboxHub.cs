using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Okno.Core.Operators;
using Okno.Web.Auth;
using Okno.Web.Operations;

namespace Okno.Web.Realtime;

/// <summary>
/// /hubs/inbox: pushes messageCreated, messageStatusChanged, conversationUpdated, channelStatusChanged, notification,
/// presenceChanged, queueChanged, conversationAssigned, slaAtRisk and slaBreached to signed-in users allowed to see them. Payloads carry ids; clients fetch what they show.
/// </summary>
[Authorize]
public sealed class InboxHub(OknoGauges gauges, Okno.Core.Desk.PresenceService presence, ILogger<InboxHub> log, Okno.Core.Data.OknoDbContext db) : Hub
{
    public const string Staff = "staff";
    /// <summary>Events of unassigned (queue) conversations, for operators narrowed to own + queue.</summary>
    public const string Queue = "queue";

    public static string UserGroup(long id) => $"user:{id}";

    public override async Task OnConnectedAsync()
    {
        var user = CurrentUser.From(Context.User!);
        await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(user.Id));
        if (await Okno.Core.Conversations.ConversationAccess.SeesAllAsync(db, user.Id, user.Role, Context.ConnectionAborted))
            await Groups.AddToGroupAsync(Context.ConnectionId, Staff);
        else if (user.Role.SeesAllConversations()) await Groups.AddToGroupAsync(Context.ConnectionId, Queue);
        await base.OnConnectedAsync();
        gauges.HubConnected(+1);
        await PresenceAsync(() => presence.ConnectedAsync(user.Id, Context.ConnectionId, CancellationToken.None));
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        gauges.HubConnected(-1);
        var user = CurrentUser.From(Context.User!);
        await PresenceAsync(() => presence.DisconnectedAsync(user.Id, Context.ConnectionId, CancellationToken.None));
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>The app's tab, every 20 seconds: alive, and how many seconds since its user last touched it.</summary>
    public Task Heartbeat(int idleSeconds) =>
        PresenceAsync(() => presence.HeartbeatAsync(CurrentUser.From(Context.User!).Id, Context.ConnectionId, idleSeconds, CancellationToken.None));

    /// <summary>Presence must never break the live connection.</summary>
    private async Task PresenceAsync(Func<Task> work)
    {
        try { await work(); }
        catch (Exception ex) when (ex is not OperationCanceledException) { log.LogWarning(ex, "Presence update failed: {Error}", ex.GetType().Name); }
    }
}
