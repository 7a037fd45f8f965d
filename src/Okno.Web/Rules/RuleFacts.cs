using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Channels;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Desk;
using Okno.Core.Messages;

namespace Okno.Web.Rules;

/// <summary>What conditions read about one conversation (and the message that triggered the rule, if any).</summary>
public sealed class RuleFacts
{
    public required Conversation Conversation { get; init; }
    public Message? Message { get; init; }
    public required string ContactName { get; init; }
    public string? AssigneeName { get; init; }
    public required IReadOnlyList<string> Labels { get; init; }
    public required ChannelKind ChannelKind { get; init; }
    public required Guid ChannelId { get; init; }
    public required bool IsReturning { get; init; }
    public required bool BusinessOpen { get; init; }
    public string? PracticeArea { get; init; }

    /// <summary>The value of a condition field (see <see cref="RuleFields"/>).</summary>
    public JsonNode? Value(string field) => field switch
    {
        "channel.kind" => ChannelKind.ToWireName(),
        "channel.id" => ChannelId.ToString(),
        "message.text" => Message?.Text,
        "message.hasFiles" => Message is { } m && (m.Attachments.Count > 0 || m.Kind == MessageKind.Media),
        "message.language" => Language(Message?.Text),
        "conversation.practiceArea" => PracticeArea,
        "conversation.labels" => new JsonArray(Labels.Select(l => (JsonNode)l).ToArray()),
        "conversation.teamId" => Conversation.TeamId,
        "conversation.assigneeId" => Conversation.AssigneeId,
        "conversation.status" => Conversation.Status.ToString().ToLowerInvariant(),
        "conversation.isTarget" => Conversation.IsTarget,
        "contact.name" => ContactName,
        "contact.isReturning" => IsReturning,
        "businessHours.open" => BusinessOpen,
        _ => null,
    };

    /// <summary>"ru" when the text is mostly Cyrillic, "en" when mostly Latin, else null (no text, digits only).</summary>
    public static string? Language(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        int cyr = 0, lat = 0;
        foreach (var ch in text)
        {
            if (ch is >= 'а' and <= 'я' or >= 'А' and <= 'Я' or 'ё' or 'Ё') cyr++;
            else if (char.IsAsciiLetter(ch)) lat++;
        }
        return cyr == 0 && lat == 0 ? null : cyr >= lat ? "ru" : "en";
    }

    public static async Task<RuleFacts?> LoadAsync(OknoDbContext db, long conversationId, long? messageId, TimeProvider clock, CancellationToken ct)
    {
        var c = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == conversationId, ct);
        if (c is null) return null;
        var message = messageId is { } mid ? await db.Messages.AsNoTracking().Include(m => m.Attachments).FirstOrDefaultAsync(m => m.Id == mid, ct) : null;
        var channelId = message?.ChannelAccountId ?? c.SourceChannelAccountId;
        var kind = await db.ChannelAccounts.AsNoTracking().Where(a => a.Id == channelId).Select(a => (ChannelKind?)a.Kind).FirstOrDefaultAsync(ct) ?? ChannelKind.WebChat;
        var name = await db.Contacts.AsNoTracking().Where(x => x.Id == c.ContactId).Select(x => x.Name).FirstOrDefaultAsync(ct);
        var labels = await db.ContactLabels.AsNoTracking().Where(l => l.ContactId == c.ContactId).OrderBy(l => l.Text).Select(l => l.Text).ToListAsync(ct);
        var returning = await db.Conversations.AnyAsync(x => x.ContactId == c.ContactId && x.Id != c.Id && x.CreatedAt < c.CreatedAt, ct);
        var assignee = c.AssigneeId is { } a ? await db.Users.AsNoTracking().Where(u => u.Id == a).Select(u => u.Name).FirstOrDefaultAsync(ct) : null;
        return new RuleFacts
        {
            AssigneeName = assignee,
            Conversation = c, Message = message, ContactName = name ?? "", Labels = labels, ChannelKind = kind, ChannelId = channelId,
            IsReturning = returning, BusinessOpen = await OpenAsync(db, c.TeamId, clock.GetUtcNow(), ct),
            PracticeArea = RulePracticeArea.Of(c),
        };
    }

    /// <summary>
    /// The desk's business hours: the conversation's team's schedule, else the default team's, else the first one
    /// saved; with none saved the firm counts as open.
    /// </summary>
    public static async Task<bool> OpenAsync(OknoDbContext db, long? teamId, DateTimeOffset at, CancellationToken ct)
    {
        var hoursId = teamId is { } t ? await db.Teams.AsNoTracking().Where(x => x.Id == t).Select(x => x.BusinessHoursId).FirstOrDefaultAsync(ct) : null;
        hoursId ??= await db.Teams.AsNoTracking().Where(x => x.IsDefault).Select(x => x.BusinessHoursId).FirstOrDefaultAsync(ct);
        var hours = hoursId is { } h
            ? await db.BusinessHours.AsNoTracking().FirstOrDefaultAsync(x => x.Id == h, ct)
            : await db.BusinessHours.AsNoTracking().OrderBy(x => x.Id).FirstOrDefaultAsync(ct);
        if (hours is null) return true;
        var calendar = BusinessCalendar.From(hours);
        return !calendar.HasAnyHours || calendar.IsOpen(at);
    }
}

/// <summary>The practice area, once the analysis part puts one on the conversation.</summary>
public static class RulePracticeArea
{
    public static string? Of(Conversation c) => null;
}
