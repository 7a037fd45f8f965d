namespace Okno.Core.Search;

/// <summary>One term of a query: a stem, matched whole or as a prefix.</summary>
public sealed record SearchTerm(string Stem, bool Prefix);

/// <summary>
/// What the user typed, parsed: words (all must match, any word form), "a phrase in quotes" (words in that order) and
/// prefixes (<c>догов*</c>). A stem of four letters or more also matches as a prefix, so that a word finds its
/// derivations the stemmer keeps apart (уволили → увол… finds «увольнение»).
/// </summary>
public sealed class SearchQuery
{
    public const int MaxLength = 200;
    private const int MaxTerms = 12;
    private const int ImplicitPrefixFrom = 4;

    private SearchQuery(IReadOnlyList<IReadOnlyList<SearchTerm>> groups) => Groups = groups;

    /// <summary>Each group is one word or one phrase; a phrase's terms follow each other.</summary>
    public IReadOnlyList<IReadOnlyList<SearchTerm>> Groups { get; }

    public bool IsEmpty => Groups.Count == 0;

    /// <summary>Parses <paramref name="q"/>; a term with five digits or more is left out unless <paramref name="digitsAllowed"/>
    /// (a role that can't see phones must not learn, by searching, which message holds a number).</summary>
    public static SearchQuery Parse(string q, bool digitsAllowed)
    {
        var groups = new List<IReadOnlyList<SearchTerm>>();
        var parts = q.Split('"');
        for (var p = 0; p < parts.Length && groups.Count < MaxTerms; p++)
        {
            var inQuotes = p % 2 == 1 && p < parts.Length - 1;
            var words = Words(parts[p], digitsAllowed);
            if (inQuotes)
            {
                if (words.Count > 0) groups.Add(words.Select((w, i) => w with { Prefix = w.Prefix && i == words.Count - 1 }).ToList());
            }
            else
            {
                groups.AddRange(words.Select(w => (IReadOnlyList<SearchTerm>)[w with { Prefix = w.Prefix || w.Stem.Length >= ImplicitPrefixFrom }]));
            }
        }
        return new SearchQuery(groups.Take(MaxTerms).ToList());
    }

    private static List<SearchTerm> Words(string part, bool digitsAllowed)
    {
        var terms = new List<SearchTerm>();
        foreach (var (start, length) in RussianStems.Words(part))
        {
            var word = part.Substring(start, length);
            if (!digitsAllowed && word.Count(char.IsDigit) >= 5) continue;
            // An explicit prefix is taken as typed (the stemmer would cut «догов» to «дог»).
            var prefix = start + length < part.Length && part[start + length] == '*';
            terms.Add(new SearchTerm(prefix ? RussianStems.Normalize(word) : RussianStems.Stem(word), prefix));
        }
        return terms;
    }

    /// <summary>SQLite FTS5: <c>"договор"* "уволь"</c> (all groups), a phrase as <c>"a b"</c>.</summary>
    public string ToFts5() => string.Join(' ', Groups.Select(g =>
        g.Count == 1 ? Quote(g[0].Stem) + (g[0].Prefix ? "*" : "") : Quote(string.Join(' ', g.Select(t => t.Stem))) + (g[^1].Prefix ? "*" : "")));

    /// <summary>PostgreSQL <c>to_tsquery('simple', …)</c>: <c>'договор':* &amp; ('a' &lt;-&gt; 'b')</c>.</summary>
    public string ToTsQuery() => string.Join(" & ", Groups.Select(g =>
        g.Count == 1 ? Lexeme(g[0]) : "(" + string.Join(" <-> ", g.Select(Lexeme)) + ")"));

    private static string Quote(string stem) => "\"" + stem.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Lexeme(SearchTerm t) => "'" + t.Stem.Replace("'", "''", StringComparison.Ordinal) + "'" + (t.Prefix ? ":*" : "");

    /// <summary>Whether a word of a text is a hit of this query (for highlighting).</summary>
    public bool Hits(string word)
    {
        var stem = RussianStems.Stem(word);
        return Groups.SelectMany(g => g).Any(t => t.Prefix ? stem.StartsWith(t.Stem, StringComparison.Ordinal) : stem == t.Stem);
    }
}
