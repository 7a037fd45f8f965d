using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Okno.Core.Operators;
using Okno.Web.Auth;
using Okno.Web.Operations;

namespace Okno.Web.Realtime;

/// <summary>
/// /hubs/inbox: pushes messageCreated, messageStatusChanged, conversationUpdated, channelStatusChanged and
/// notification to signed-in users allowed to see them. Payloads carry ids; clients fetch what they show.
/// </summary>
[Authorize]
public sealed class InboxHub(OknoGauges gauges, Okno.Core.Data.OknoDbContext db) : Hub
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
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        gauges.HubConnected(-1);
        await base.OnDisconnectedAsync(exception);
    }
}
