using System.Text.RegularExpressions;
using Okno.Core.Contacts;
using Okno.Core.Search;

namespace Okno.Core.Quality;

/// <summary>
/// Checks one staff text against the policy. Words are compared as the search index compares them (lower case,
/// «ё» = «е», Russian Snowball stems), a phrase matches as whole words in order: «выиграем» matches «Выиграем!» and
/// «выиграем ваше дело», «100 % выиграем» matches «100% выиграем», but «личку» never matches inside «отличку».
/// </summary>
public static partial class PolicyCheck
{
    /// <summary>What counts as a greeting in a first reply.</summary>
    public static readonly IReadOnlyList<string> Greetings =
    [
        "здравствуйте", "здравствуй", "добрый день", "доброго дня", "доброе утро", "доброго утра", "добрый вечер",
        "доброго вечера", "приветствую", "привет", "доброго времени суток", "hello", "good morning", "good afternoon", "good evening",
    ];

    /// <param name="isFirstReply">The first staff reply of the request: greeting and required phrases apply to it only.</param>
    public static IReadOnlyList<PolicyFinding> Check(QualityPolicy policy, string? text, bool isFirstReply)
    {
        var found = new List<PolicyFinding>();
        if (string.IsNullOrWhiteSpace(text)) return found;
        var words = Stems(text);
        foreach (var phrase in policy.ForbiddenPhrases)
            if (Contains(words, Stems(phrase))) found.Add(new PolicyFinding(QualityRule.Forbidden, phrase));
        if (policy.ForbidPhoneNumbers && PhoneMask.ContainsPhone(text))
            found.Add(new PolicyFinding(QualityRule.PhoneNumber, FirstMaskedPhone(text)));
        if (isFirstReply)
        {
            if (policy.GreetingRequired && !Greetings.Any(g => Contains(words, Stems(g))))
                found.Add(new PolicyFinding(QualityRule.Greeting, "приветствие"));
            foreach (var phrase in policy.RequiredPhrases)
                if (!Contains(words, Stems(phrase))) found.Add(new PolicyFinding(QualityRule.Required, phrase));
        }
        return found;
    }

    /// <summary>
    /// Whether <paramref name="text"/> holds one of <paramref name="phrases"/> in any Russian word form, as whole words in
    /// order — the same comparison as the policy's phrases (the rules engine's «matches» condition); the phrase found, or null.
    /// </summary>
    public static string? FindPhrase(string? text, IEnumerable<string> phrases)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var words = Stems(text);
        return phrases.FirstOrDefault(p => Contains(words, Stems(p)));
    }

    /// <summary>The first response came later than the policy allows.</summary>
    public static PolicyFinding? LateFirstResponse(QualityPolicy policy, TimeSpan waited) =>
        policy.MaxFirstResponse is { } max && waited > max
            ? new PolicyFinding(QualityRule.FirstResponseTime, $"{(int)Math.Ceiling(waited.TotalMinutes)} мин при норме {(int)max.TotalMinutes} мин")
            : null;

    /// <summary>A readable line for the operator's warning (Russian; English when asked).</summary>
    public static string Describe(PolicyFinding f, bool english = false) => (f.Rule, english) switch
    {
        (QualityRule.Forbidden, false) => $"запрещённая фраза «{f.Phrase}»",
        (QualityRule.Forbidden, true) => $"forbidden phrase “{f.Phrase}”",
        (QualityRule.PhoneNumber, false) => $"номер телефона в сообщении ({f.Phrase}) — личные контакты не передаём",
        (QualityRule.PhoneNumber, true) => $"a phone number in the message ({f.Phrase}) — no personal contacts",
        (QualityRule.Greeting, false) => "первый ответ без приветствия",
        (QualityRule.Greeting, true) => "the first reply has no greeting",
        (QualityRule.Required, false) => $"в первом ответе нет обязательной фразы «{f.Phrase}»",
        (QualityRule.Required, true) => $"the first reply lacks the required phrase “{f.Phrase}”",
        (QualityRule.FirstResponseTime, false) => $"первый ответ позже нормы: {f.Phrase}",
        (QualityRule.FirstResponseTime, true) => $"the first reply is later than the norm: {f.Phrase}",
        _ => f.Phrase,
    };

    public static string Describe(IEnumerable<PolicyFinding> findings) => string.Join("; ", findings.Select(f => Describe(f)));

    private static string[] Stems(string text) =>
        RussianStems.Words(text).Select(w => RussianStems.Stem(text.Substring(w.Start, w.Length))).ToArray();

    private static bool Contains(string[] words, string[] phrase)
    {
        if (phrase.Length == 0 || phrase.Length > words.Length) return false;
        for (var i = 0; i + phrase.Length <= words.Length; i++)
        {
            var j = 0;
            while (j < phrase.Length && words[i + j] == phrase[j]) j++;
            if (j == phrase.Length) return true;
        }
        return false;
    }

    /// <summary>Never the number itself: it may be a private phone, and violations are shown to supervisors.</summary>
    private static string FirstMaskedPhone(string text)
    {
        var masked = PhoneMask.MaskInText(text);
        var m = MaskedRun().Match(masked);
        return m.Success ? m.Value.Trim() : "номер телефона";
    }

    [GeneratedRegex(@"[+\d][\d\s().\-•*]{6,}")]
    private static partial Regex MaskedRun();
}
