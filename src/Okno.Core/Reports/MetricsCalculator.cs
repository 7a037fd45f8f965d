using Okno.Core.Desk;
using Okno.Core.Events;
using Okno.Core.Messages;

namespace Okno.Core.Reports;

/// <summary>What the calculation needs of one message: never its text.</summary>
public sealed record MessageFact(long Id, MessageDirection Direction, MessageKind Kind, long? AuthorId, MessageStatus Status, DateTimeOffset CreatedAt, ConversationChange? Action);

/// <summary>
/// The request's times and counts from its history (docs/decisions/0026):
/// <list type="bullet">
/// <item>A <b>response</b> ends a wait: the client's first channel message (text or media) after the last staff reply
/// starts the wait, the next staff reply through a channel ends it. A staff reply has an author (a person): notes,
/// system lines, bots and automatic messages (the queue notice) and failed sends are not replies; an echo typed in the
/// platform's own app has no author in Okno (it may be the platform's auto-greeting) and is not one either.</item>
/// <item><b>First response</b> = the first wait; average and max over all waits; business variants with the calendar.</item>
/// <item><b>Resolution</b> = created → resolved (null while open; a reopen clears it, the next resolve sets it).</item>
/// <item><b>Hand-offs</b> = hand-off lines; <b>reassignments</b> = every assignment (manual, taken, the desk's) after
/// the first, plus each automatic transfer back to the queue.</item>
/// <item><b>Messages in / out</b> = channel messages from / to the client (any author), not notes or lines.</item>
/// </list>
/// </summary>
public static class MetricsCalculator
{
    public sealed record Result(DateTimeOffset? FirstInboundAt, long? FirstResponse, long? FirstResponseBusiness, int Responses, long? Average, long? Max,
        int HandOffs, int Reassignments, int In, int Out, long LastMessageId);

    public static Result Compute(IEnumerable<MessageFact> history, BusinessCalendar? calendar)
    {
        DateTimeOffset? firstInbound = null, waitingSince = null;
        long? first = null, firstBusiness = null;
        var responses = new List<long>();
        int handOffs = 0, assignments = 0, transfers = 0, inbound = 0, outbound = 0;
        long last = 0;
        foreach (var m in history.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id))
        {
            last = Math.Max(last, m.Id);
            var channel = m.Kind is MessageKind.Text or MessageKind.Media;
            if (m.Kind == MessageKind.Event)
            {
                switch (m.Action)
                {
                    case ConversationChange.HandedOff: handOffs++; break;
                    case ConversationChange.Assigned: assignments++; break;
                    case ConversationChange.Transferred: transfers++; break;
                }
                continue;
            }
            if (!channel) continue;
            if (m.Direction == MessageDirection.Inbound)
            {
                inbound++;
                firstInbound ??= m.CreatedAt;
                waitingSince ??= m.CreatedAt;
                continue;
            }
            outbound++;
            if (m.AuthorId is null || m.Status == MessageStatus.Failed || waitingSince is not { } since) continue;
            var seconds = Seconds(m.CreatedAt - since);
            if (responses.Count == 0)
            {
                first = seconds;
                firstBusiness = Seconds(BusinessCalendar.Elapsed(calendar, since, m.CreatedAt));
            }
            responses.Add(seconds);
            waitingSince = null;
        }
        return new Result(firstInbound, first, firstBusiness, responses.Count,
            responses.Count == 0 ? null : (long)Math.Round(responses.Average(), MidpointRounding.AwayFromZero),
            responses.Count == 0 ? null : responses.Max(),
            handOffs, Math.Max(0, assignments - 1) + transfers, inbound, outbound, last);
    }

    public static long Seconds(TimeSpan span) => span <= TimeSpan.Zero ? 0 : (long)Math.Floor(span.TotalSeconds);
}
