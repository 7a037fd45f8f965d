namespace Okno.Core.Conversations;

/// <summary>The client's satisfaction score (issue 13.8): written by the survey, read by the request's metrics and reports.</summary>
public sealed partial class Conversation
{
    public const int CsatMin = 1, CsatMax = 5;

    /// <summary>1..5, or null while the client has not answered (or no survey was sent).</summary>
    public int? CsatScore { get; private set; }
    public DateTimeOffset? CsatAt { get; private set; }

    public void RecordCsat(int score, DateTimeOffset at)
    {
        if (score is < CsatMin or > CsatMax) throw new DomainException($"Оценка — от {CsatMin} до {CsatMax}.");
        CsatScore = score;
        CsatAt = at;
    }
}
