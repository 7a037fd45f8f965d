using Okno.Core.Events;

namespace Okno.Web.Rules;

/// <summary>The events a rule can listen to (the fixed names) and which live event each comes from.</summary>
public static class RuleEvents
{
    public const string MessageReceived = "message.received";
    public const string ConversationCreated = "conversation.created";
    public const string ConversationAssigned = "conversation.assigned";
    public const string ConversationHandedOff = "conversation.handed_off";
    public const string ConversationResolved = "conversation.resolved";
    public const string ConversationReopened = "conversation.reopened";
    public const string SlaAtRisk = "sla.at_risk";
    public const string SlaBreached = "sla.breached";
    public const string NoStaffReply = "time.no_staff_reply";
    public const string NoClientReply = "time.no_client_reply";
    public const string Schedule = "time.schedule";
    /// <summary><c>after</c> before a hand-off's return time (the request comes back to whoever handed it off).</summary>
    public const string BeforeReturn = "time.before_return";

    public static readonly IReadOnlyList<string> All =
    [
        MessageReceived, ConversationCreated, ConversationAssigned, ConversationHandedOff, ConversationResolved, ConversationReopened,
        SlaAtRisk, SlaBreached, NoStaffReply, NoClientReply, Schedule, BeforeReturn,
    ];

    /// <summary>Found by the scheduler on the clock, not by a live event.</summary>
    public static bool IsTimed(string e) => e.StartsWith("time.", StringComparison.Ordinal);

    /// <summary>Timed events that need <c>after</c>.</summary>
    public static bool NeedsAfter(string e) => e is NoStaffReply or NoClientReply or BeforeReturn;

    /// <summary>
    /// The rule event a live event stands for, with its conversation and message. A client's message only: the firm's
    /// replies (a rule's own included) and notes never count as <c>message.received</c>.
    /// </summary>
    public static (string Event, long ConversationId, long? MessageId, bool Quiet)? Of(OknoEvent e) => e switch
    {
        MessageCreated { Direction: Okno.Core.Messages.MessageDirection.Inbound } m => (MessageReceived, m.ConversationId, m.MessageId, m.Quiet),
        ConversationOpened o => (ConversationCreated, o.ConversationId, null, false),
        ConversationUpdated { Change: ConversationChange.Assigned } u => (ConversationAssigned, u.ConversationId, null, false),
        ConversationUpdated { Change: ConversationChange.HandedOff } u => (ConversationHandedOff, u.ConversationId, null, false),
        ConversationUpdated { Change: ConversationChange.Resolved } u => (ConversationResolved, u.ConversationId, null, false),
        ConversationUpdated { Change: ConversationChange.Reopened } u => (ConversationReopened, u.ConversationId, null, false),
        Okno.Core.Desk.SlaAtRisk r => (SlaAtRisk, r.ConversationId, null, false),
        Okno.Core.Desk.SlaBreached b => (SlaBreached, b.ConversationId, null, false),
        _ => null,
    };

    /// <summary>Plain Russian names for the screen.</summary>
    public static string Title(string e, bool english = false) => (e, english) switch
    {
        (MessageReceived, false) => "Клиент написал",
        (ConversationCreated, false) => "Новое обращение",
        (ConversationAssigned, false) => "Обращение назначено",
        (ConversationHandedOff, false) => "Обращение передано",
        (ConversationResolved, false) => "Обращение закрыто",
        (ConversationReopened, false) => "Обращение открыто снова",
        (SlaAtRisk, false) => "Срок SLA скоро истечёт",
        (SlaBreached, false) => "Срок SLA нарушен",
        (NoStaffReply, false) => "Сотрудник не ответил за…",
        (NoClientReply, false) => "Клиент не ответил за…",
        (Schedule, false) => "По расписанию",
        (BeforeReturn, false) => "За … до возврата переданного обращения",
        (MessageReceived, true) => "Client wrote",
        (ConversationCreated, true) => "New request",
        (ConversationAssigned, true) => "Request assigned",
        (ConversationHandedOff, true) => "Request handed off",
        (ConversationResolved, true) => "Request resolved",
        (ConversationReopened, true) => "Request reopened",
        (SlaAtRisk, true) => "SLA at risk",
        (SlaBreached, true) => "SLA breached",
        (NoStaffReply, true) => "No staff reply for…",
        (NoClientReply, true) => "No client reply for…",
        (Schedule, true) => "On a schedule",
        (BeforeReturn, true) => "… before a hand-off returns",
        _ => e,
    };
}

/// <summary>
/// Which rule's actions are running on this async flow: events those actions publish carry it into their jobs
/// (the recorder's handler runs on the publishing thread), so a rule never runs on what it caused itself.
/// </summary>
public static class RuleCause
{
    private static readonly AsyncLocal<long?> Current = new();

    public static long? RuleId => Current.Value;

    public static IDisposable Enter(long ruleId)
    {
        var before = Current.Value;
        Current.Value = ruleId;
        return new Scope(before);
    }

    private sealed class Scope(long? before) : IDisposable
    {
        public void Dispose() => Current.Value = before;
    }
}
