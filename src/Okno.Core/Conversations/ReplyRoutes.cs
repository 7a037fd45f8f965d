using Microsoft.EntityFrameworkCore;
using Okno.Core.Channels;
using Okno.Core.Data;
using Okno.Core.Messages;

namespace Okno.Core.Conversations;

/// <summary>One channel account a reply could leave through, and whether it can now.</summary>
public sealed record ReplyRoute(Guid ChannelId, string ChannelName, ChannelKind Kind, bool IsDefault, bool Usable,
    string? Reason, bool TemplateOnly)
{
    /// <summary>What this route can carry (from the kind's descriptor): checked before a reply is accepted, shown in the reply box.</summary>
    public ChannelCapabilities Capabilities => Kind.Describe().Capabilities;

    /// <summary>The longest text this route takes: the platform's limit, or ours where the platform has none.</summary>
    public int TextLimit => Capabilities.TextLimit ?? SendReply.MaxTextLength;

    /// <summary>Why this route cannot carry files, or null when it can.</summary>
    public string? NoFilesReason => Capabilities.FilesOut ? null : $"{Kind.Describe().Title}: отправка файлов через этот канал не поддерживается — отправьте текст.";

    /// <summary>Why this text is too long for the route, or null when it fits.</summary>
    public string? TooLongReason(int length) => length <= TextLimit ? null
        : $"{Kind.Describe().Title} принимает сообщения до {TextLimit} символов, в ответе {length}.";
}

/// <summary>
/// Reply routing: by default the account of the client's latest inbound message; any other account the contact
/// has an address on may be picked. An unusable default is reported with its reason — never silently switched.
/// </summary>
public sealed class ReplyRoutes(OknoDbContext db, ChannelConnectors connectors, TimeProvider clock)
{
    public async Task<IReadOnlyList<ReplyRoute>> ForConversationAsync(Conversation conversation, CancellationToken ct)
    {
        var endpoints = await db.Endpoints.AsNoTracking().Where(e => e.ContactId == conversation.ContactId).ToListAsync(ct);
        var accountIds = endpoints.Select(e => e.ChannelAccountId).ToList();
        var accounts = await db.ChannelAccounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var lastInbound = await db.Messages.AsNoTracking()
            .Where(m => m.ContactId == conversation.ContactId && m.Direction == MessageDirection.Inbound)
            .OrderByDescending(m => m.Id).Select(m => m.ChannelAccountId).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();

        var routes = new List<ReplyRoute>();
        foreach (var e in endpoints.OrderByDescending(e => e.LastInboundAt))
        {
            if (!accounts.TryGetValue(e.ChannelAccountId, out var a) || a.IsDeleted) continue;
            var (usable, reason, templateOnly) = Check(a, e, now);
            routes.Add(new ReplyRoute(a.Id, a.Name, a.Kind, a.Id == lastInbound, usable, reason, templateOnly));
        }
        return routes.OrderByDescending(r => r.IsDefault).ThenByDescending(r => r.Usable).ToList();
    }

    private (bool Usable, string? Reason, bool TemplateOnly) Check(ChannelAccount a, Contacts.ContactEndpoint e, DateTimeOffset now)
    {
        if (a.Status == ChannelStatus.Blocked) return (false, "Номер заблокирован платформой.", false);
        if (a.Status == ChannelStatus.Disconnected) return (false, "Канал отключён.", false);
        if (e.IsBlocked) return (false, "Клиент запретил сообщения через этот канал.", false);
        if (connectors.Supports(a.Kind) && connectors.For(a.Kind).Descriptor.Capabilities.ReplyWindow is { } window &&
            (e.LastInboundAt is not { } last || last + window < now))
            return (true, "Прошло больше 24 часов с последнего сообщения клиента: можно отправить только шаблон.", true);
        return (true, a.Status == ChannelStatus.NeedsAttention ? "Канал требует внимания: отправка может не пройти." : null, false);
    }
}
