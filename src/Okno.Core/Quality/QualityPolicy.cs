using System.Text.Json;

namespace Okno.Core.Quality;

/// <summary>
/// The firm's script and policy for staff messages, set by an admin: one row. Phrases are matched by Russian word
/// forms (case, «ё», endings), as whole words in order — not raw substrings (see <see cref="PolicyCheck"/>).
/// </summary>
public sealed class QualityPolicy
{
    public const int SingletonId = 1;
    public const int MaxPhrases = 200;
    public const int MaxPhraseLength = 200;

    private QualityPolicy() { }

    public static QualityPolicy Default() => new() { Id = SingletonId };

    public int Id { get; private set; }
    /// <summary>The first staff reply of a request must greet the client.</summary>
    public bool GreetingRequired { get; private set; }
    /// <summary>Each phrase must appear in the first staff reply (e.g. the firm's name).</summary>
    public string RequiredPhrasesJson { get; private set; } = "[]";
    /// <summary>No staff message may contain these (promises of outcome, rudeness, "пишите мне в личку").</summary>
    public string ForbiddenPhrasesJson { get; private set; } = "[]";
    /// <summary>A phone number written into a staff message is a personal contact leaving the firm's channels.</summary>
    public bool ForbidPhoneNumbers { get; private set; }
    /// <summary>Violations stop the send (otherwise the operator is warned and may send anyway).</summary>
    public bool Block { get; private set; }
    /// <summary>A first response later than this is a violation of its own; null when not set.</summary>
    public int? MaxFirstResponseSeconds { get; private set; }
    public TimeSpan? MaxFirstResponse => MaxFirstResponseSeconds is { } s ? TimeSpan.FromSeconds(s) : null;
    public DateTimeOffset? UpdatedAt { get; private set; }
    public long? UpdatedById { get; private set; }

    /// <summary>Nothing to check (a fresh install): a reply costs no extra query.</summary>
    public bool IsEmpty => !GreetingRequired && !ForbidPhoneNumbers && MaxFirstResponseSeconds is null &&
        RequiredPhrasesJson == "[]" && ForbiddenPhrasesJson == "[]";

    public IReadOnlyList<string> RequiredPhrases => Read(RequiredPhrasesJson);
    public IReadOnlyList<string> ForbiddenPhrases => Read(ForbiddenPhrasesJson);

    public void Change(bool greetingRequired, IEnumerable<string> required, IEnumerable<string> forbidden, bool forbidPhoneNumbers,
        bool block, TimeSpan? maxFirstResponse, long? byUserId, DateTimeOffset now)
    {
        GreetingRequired = greetingRequired;
        RequiredPhrasesJson = Write(required);
        ForbiddenPhrasesJson = Write(forbidden);
        ForbidPhoneNumbers = forbidPhoneNumbers;
        Block = block;
        if (maxFirstResponse is { } max && (max <= TimeSpan.Zero || max > TimeSpan.FromDays(30)))
            throw new DomainException("Норма первого ответа — от секунды до 30 дней.");
        MaxFirstResponseSeconds = maxFirstResponse is { } m ? (int)m.TotalSeconds : null;
        UpdatedById = byUserId;
        UpdatedAt = now;
    }

    private static string Write(IEnumerable<string> phrases)
    {
        var list = phrases.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count > MaxPhrases) throw new DomainException($"Не больше {MaxPhrases} фраз в списке.");
        if (list.FirstOrDefault(p => p.Length > MaxPhraseLength) is { } tooLong)
            throw new DomainException($"Фраза длиннее {MaxPhraseLength} символов: «{tooLong[..40]}…».");
        if (list.FirstOrDefault(p => !Search.RussianStems.Words(p).Any()) is { } noWords)
            throw new DomainException($"Во фразе «{noWords}» нет ни одного слова.");
        return JsonSerializer.Serialize(list);
    }

    private static List<string> Read(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
