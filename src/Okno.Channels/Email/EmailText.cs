using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace Okno.Channels.Email;

/// <summary>A letter's body as readable plain text: HTML sanitised and flattened, quoted history folded away.</summary>
public static partial class EmailText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "li", "tr", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "section", "article", "header", "footer", "hr",
    };

    /// <summary>Sanitises HTML (no script, style, handlers survive) and renders what remains as text.</summary>
    public static string HtmlToText(string html)
    {
        // One sanitizer per letter: sharing one needs a lock (its events are not thread-safe), and a lock made every
        // mailbox wait for the slowest letter. A new instance costs a few small sets, nothing next to parsing the HTML.
        var safe = new HtmlSanitizer().Sanitize(html);
        var document = new HtmlParser().ParseDocument("<html><body>" + safe + "</body></html>");
        var text = new StringBuilder();
        Render(document.Body!, text);
        return Tidy(text.ToString());
    }

    private static void Render(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(Whitespace().Replace(t.Data, " "));
                    break;
                case IElement e when e.LocalName == "br":
                    text.Append('\n');
                    break;
                case IElement e when e.LocalName == "blockquote" || e.ClassList.Contains("gmail_quote"):
                    text.Append('\n'); // quoted history in HTML letters: folded like '>' lines in plain text
                    break;
                case IElement e when e.LocalName == "a" && e.GetAttribute("href") is { } href && href.StartsWith("http", StringComparison.OrdinalIgnoreCase)
                                     && !string.Equals(e.TextContent.Trim(), href, StringComparison.Ordinal):
                    Render(e, text);
                    text.Append(" (").Append(href).Append(')');
                    break;
                case IElement e when Blocks.Contains(e.LocalName):
                    text.Append('\n');
                    Render(e, text);
                    text.Append('\n');
                    break;
                default:
                    Render(child, text);
                    break;
            }
        }
    }

    /// <summary>
    /// Cuts the quoted thread history: '>' lines and everything from an attribution line
    /// ("On … wrote:", "… написал(а):", "-----Original Message-----"). Returns the text and whether anything was cut.
    /// </summary>
    public static (string Text, bool Folded) FoldQuotes(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var kept = new List<string>();
        var folded = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            // An attribution may wrap over two lines ("On Mon, 1 Jan 2025 at 10:00, Ivan\n<ivan@x.ru> wrote:").
            var withNext = i + 1 < lines.Length ? trimmed + " " + lines[i + 1].Trim() : trimmed;
            if (Attribution().IsMatch(trimmed) || (trimmed.Length > 0 && !Attribution().IsMatch(trimmed) && Attribution().IsMatch(withNext) && i + 2 < lines.Length && lines[i + 2].TrimStart().StartsWith('>'))
                || OriginalMessage().IsMatch(trimmed))
            {
                folded = true;
                break;
            }
            if (trimmed.StartsWith('>'))
            {
                folded = true;
                continue;
            }
            kept.Add(line);
        }
        var result = Tidy(string.Join('\n', kept));
        // A letter that is only a quote keeps its text: folding must never leave an empty message.
        return result.Length == 0 && folded ? (Tidy(text), false) : (result, folded);
    }

    private static string Tidy(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd().Replace('\u00a0', ' '));
        return ManyBlankLines().Replace(string.Join('\n', lines), "\n\n").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\s*(On\s.{1,200}\swrote:|.{1,200}\s(написал|написала|написал\(а\)|пишет)\s*:)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Исходное сообщение|Пересылаемое сообщение|Forwarded message)\s*-{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ManyBlankLines();
}
