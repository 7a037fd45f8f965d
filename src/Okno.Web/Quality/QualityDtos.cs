using Okno.Core.Desk;
using Okno.Core.Quality;

namespace Okno.Web.Quality;

/// <summary>PUT /api/v1/quality/policy. Missing lists mean empty; <c>maxFirstResponse</c> is ISO 8601 (PT15M) or null.</summary>
public sealed record QualityPolicyBody(bool? GreetingRequired, IReadOnlyList<string>? RequiredPhrases, IReadOnlyList<string>? ForbiddenPhrases,
    bool? Block, bool? ForbidPhoneNumbers, string? MaxFirstResponse);

public sealed record QualityPolicyDto(bool GreetingRequired, IReadOnlyList<string> RequiredPhrases, IReadOnlyList<string> ForbiddenPhrases,
    bool Block, bool ForbidPhoneNumbers, string? MaxFirstResponse, DateTimeOffset? UpdatedAt)
{
    public static QualityPolicyDto From(QualityPolicy p) => new(p.GreetingRequired, p.RequiredPhrases, p.ForbiddenPhrases, p.Block,
        p.ForbidPhoneNumbers, IsoDuration.Format(p.MaxFirstResponseSeconds), p.UpdatedAt);
}

public sealed record ViolationDto(long Id, long MessageId, QualityRule Rule, string Phrase, string Text, long? AuthorId, bool SentAnyway, DateTimeOffset At)
{
    public static ViolationDto From(QualityViolation v) =>
        new(v.Id, v.MessageId, v.Rule, v.Phrase, PolicyCheck.Describe(new PolicyFinding(v.Rule, v.Phrase)), v.AuthorId, v.SentAnyway, v.At);
}

public sealed record ConversationQualityDto(IReadOnlyList<ViolationDto> Violations);

/// <summary>POST /api/v1/quality/check: what a reply with this text would break, before it is sent.</summary>
public sealed record QualityCheckBody(long? ConversationId, string? Text);

public sealed record FindingDto(QualityRule Rule, string Phrase, string Text);

public sealed record QualityCheckDto(IReadOnlyList<FindingDto> Violations, bool Blocked);

/// <summary>One operator's violations in a period (for reports).</summary>
public sealed record OperatorViolationsDto(long? UserId, string? Name, int Violations, int SentAnyway, IReadOnlyDictionary<string, int> ByRule);
