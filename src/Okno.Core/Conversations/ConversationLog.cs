using Okno.Core.Messages;
using static Okno.Core.Conversations.RussianNames;

namespace Okno.Core.Conversations;

/// <summary>
/// Who did what, as system lines in the timeline (messages of kind <see cref="MessageKind.Event"/>): readable
/// Russian sentences, stored once, masked on the way out like any other text.
/// </summary>
public static class ConversationLog
{
    /// <param name="action">What the line records, when it changes who holds the request or its state (read by the request's metrics).</param>
    public static Message Line(Conversation c, string text, long? byUserId, DateTimeOffset now, Events.ConversationChange? action = null) =>
        Message.Note(c.Id, c.ContactId, text, byUserId, now, MessageKind.Event, action);

    public static string Took(string who) => $"{who} {Verb(who, "взял")} обращение";

    public static string TookFrom(string who, string holder) => $"{who} {Verb(who, "забрал")} обращение у {Decline(holder, Case.Genitive)}";

    public static string Assigned(string who, string? to) => to is null
        ? $"{who} {Verb(who, "вернул")} обращение в очередь"
        : $"{who} {Verb(who, "назначил")} {Decline(to, Case.Dative)}";

    public static string HandedOff(string who, string to, string? returnBy, string? comment) =>
        $"{who} {Verb(who, "передал")} {Decline(to, Case.Dative)}" + (returnBy is null ? "" : " до " + returnBy) + (comment is { Length: > 0 } ? $": «{comment}»" : "");

    public static string ReturnedEarly(string who, string to) => $"{who} {Verb(who, "вернул")} обращение {Decline(to, Case.Dative)}";

    public static string ReturnedAutomatically(string to) => $"Вернулось автоматически: истёк срок. Обращение снова у {Decline(to, Case.Genitive)}";

    public static string Resolved(string who) => $"{who} {Verb(who, "закрыл")} обращение";

    public static string Reopened(string who) => $"{who} {Verb(who, "открыл")} обращение снова";

    public static string Snoozed(string who, string until) => $"{who} {Verb(who, "отложил")} обращение до {until}";

    public const string Woken = "Отложенное обращение снова в работе: время пришло";

    public static string Target(string who, bool isTarget, string? reason) => isTarget
        ? $"{who} {Verb(who, "отметил")} обращение как целевое"
        : $"{who} {Verb(who, "отметил")} обращение как не целевое: {reason}";

    public static string Merged(string who, string other, int conversations, int identities) =>
        $"{who} {Verb(who, "объединил")} клиента с «{other}»: перенесено обращений — {conversations}, адресов — {identities}";
}
