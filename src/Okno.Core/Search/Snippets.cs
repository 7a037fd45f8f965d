using System.Net;
using System.Text;

namespace Okno.Core.Search;

/// <summary>A short piece of a text around its first hit, HTML-escaped, hits marked with &lt;mark&gt;.</summary>
public static class Snippets
{
    private const int Before = 60, Length = 200;

    public static string? Of(string? text, SearchQuery query)
    {
        if (string.IsNullOrEmpty(text)) return null;
        text = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
        var words = RussianStems.Words(text).ToList();
        var hits = words.Where(w => query.Hits(text.Substring(w.Start, w.Length))).ToList();
        if (hits.Count == 0) return null;
        var from = Math.Max(0, hits[0].Start - Before);
        if (from > 0) from = words.Where(w => w.Start >= from).Select(w => w.Start).DefaultIfEmpty(hits[0].Start).First();
        var to = Math.Min(text.Length, from + Length);
        if (to < text.Length) to = words.Where(w => w.Start + w.Length <= to).Select(w => w.Start + w.Length).DefaultIfEmpty(to).Last();
        if (to <= hits[0].Start) to = hits[0].Start + hits[0].Length;

        var sb = new StringBuilder();
        if (from > 0) sb.Append('…');
        var at = from;
        foreach (var (start, length) in hits.Where(h => h.Start >= from && h.Start + h.Length <= to))
        {
            sb.Append(WebUtility.HtmlEncode(text[at..start])).Append("<mark>").Append(WebUtility.HtmlEncode(text.Substring(start, length))).Append("</mark>");
            at = start + length;
        }
        sb.Append(WebUtility.HtmlEncode(text[at..to]));
        if (to < text.Length) sb.Append('…');
        return sb.ToString();
    }
}
