using Lucene.Net.Tartarus.Snowball.Ext;

namespace Okno.Core.Search;

/// <summary>
/// Words as the search index keeps them: lower case, «ё» as «е», Russian words reduced to their Snowball stem
/// (договора, договором → договор); Latin words and numbers as they are. The same on write and on query, on both providers.
/// </summary>
public static class RussianStems
{
    /// <summary>A document longer than this is indexed by its beginning (a forwarded e-mail thread can be megabytes).</summary>
    public const int MaxIndexedChars = 20_000;

    [ThreadStatic] private static RussianStemmer? _stemmer;

    /// <summary>The runs of letters and digits in <paramref name="text"/>: (start, length).</summary>
    public static IEnumerable<(int Start, int Length)> Words(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            if (i > start) yield return (start, i - start);
        }
    }

    public static string Normalize(string word) => word.ToLowerInvariant().Replace('ё', 'е');

    public static string Stem(string word)
    {
        var w = Normalize(word);
        if (!w.Any(c => c is >= 'а' and <= 'я')) return w;
        var stemmer = _stemmer ??= new RussianStemmer();
        stemmer.SetCurrent(w);
        stemmer.Stem();
        return stemmer.Current;
    }

    /// <summary>The stems of every word of the texts, space-separated: what the index stores for one message.</summary>
    public static string Document(IEnumerable<string?> texts)
    {
        var stems = new List<string>();
        var budget = MaxIndexedChars;
        foreach (var text in texts)
        {
            if (string.IsNullOrEmpty(text) || budget <= 0) continue;
            var part = text.Length > budget ? text[..budget] : text;
            budget -= part.Length;
            stems.AddRange(Words(part).Select(w => Stem(part.Substring(w.Start, w.Length))));
        }
        return string.Join(' ', stems);
    }
}
