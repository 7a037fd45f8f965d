using Okno.Core.Messages;

namespace Okno.Core.Quality;

/// <summary>One breach of the policy by one staff message, recorded on the conversation and counted per operator.</summary>
public sealed class QualityViolation
{
    private QualityViolation() { }

    public QualityViolation(Message message, long conversationId, long? authorId, PolicyFinding finding, bool sentAnyway, DateTimeOffset at)
    {
        Message = message;
        ConversationId = conversationId;
        AuthorId = authorId;
        Rule = finding.Rule;
        Phrase = finding.Phrase.Length > QualityPolicy.MaxPhraseLength ? finding.Phrase[..QualityPolicy.MaxPhraseLength] : finding.Phrase;
        SentAnyway = sentAnyway;
        At = at;
    }

    public long Id { get; private set; }
    public long ConversationId { get; private set; }
    public long MessageId { get; private set; }
    public Message? Message { get; private set; }
    public long? AuthorId { get; private set; }
    public QualityRule Rule { get; private set; }
    /// <summary>The policy's phrase that matched or is missing (for a phone number: a masked form, never the number).</summary>
    public string Phrase { get; private set; } = "";
    /// <summary>The operator was warned before sending and sent it all the same.</summary>
    public bool SentAnyway { get; private set; }
    public DateTimeOffset At { get; private set; }
}

public enum QualityRule
{
    Greeting,
    Required,
    Forbidden,
    PhoneNumber,
    FirstResponseTime,
}

/// <summary>What a check found in one text: the rule and the phrase that matched or is missing.</summary>
public sealed record PolicyFinding(QualityRule Rule, string Phrase);
