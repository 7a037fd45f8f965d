using System.Net;
using System.Text;

namespace Okno.Web.Privacy;

/// <summary>
/// The human-readable pages of the exports, in Russian: static, self-contained (styles inline, no scripts — a CSP in
/// the page forbids them), opening from the unpacked archive in any browser; files are links into the archive.
/// </summary>
public static class ArchiveHtml
{
    private const string Style = """
        body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2430;background:#f6f7f9;margin:0}
        main{max-width:920px;margin:0 auto;padding:24px}
        h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid #dde1e7;padding-bottom:4px}
        h3{font-size:16px;margin:16px 0 6px}.hint{color:#667085;font-size:13px}
        table{border-collapse:collapse;width:100%;background:#fff}td,th{border:1px solid #e4e7ec;padding:4px 8px;text-align:left;vertical-align:top;font-size:14px}
        .msg{background:#fff;border:1px solid #e4e7ec;border-radius:10px;padding:8px 12px;margin:8px 0;max-width:80%}
        .msg.outbound{margin-left:auto;background:#eef4ff}.msg.note{background:#fff8e6}.msg.event{background:none;border:none;color:#667085;max-width:none;text-align:center}
        .meta{color:#667085;font-size:12px}.text{white-space:pre-wrap;word-wrap:break-word;margin:4px 0}
        .file{font-size:13px}.sha{font-family:ui-monospace,monospace;font-size:11px;color:#667085;word-break:break-all}
        """;

    public static string H(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Page(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="ru">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{H(title)}</title>
        <style>{Style}</style>
        </head>
        <body><main>
        {body}
        </main></body>
        </html>
        """;

    private static string Direction(ExportMessage m) => m.Kind switch
    {
        "note" => "Внутренняя заметка",
        "event" => "Событие",
        _ => m.Direction == "inbound" ? "Клиент" : "Фирма" + (m.Author is { } a ? " — " + a : ""),
    };

    /// <summary>One conversation: a heading and its messages in order, each with UTC and Moscow time, channel, files.</summary>
    public static void Conversation(StringBuilder html, ExportConversation c, bool withHashes)
    {
        html.Append("<section class=\"conversation\" id=\"c").Append(c.Id).Append("\">");
        html.Append("<h2>Обращение №").Append(c.Id).Append("</h2><p class=\"hint\">Открыто ").Append(H(ExportData.Moscow(c.CreatedAt)))
            .Append(" · ").Append(H(Status(c.Status)));
        if (c.ResolvedAt is { } r) html.Append(" · закрыто ").Append(H(ExportData.Moscow(r)));
        if (c.SourceChannel is { } ch) html.Append(" · канал: ").Append(H(ch.Name)).Append(" (").Append(H(ch.Kind)).Append(')');
        html.Append(" · сообщений: ").Append(c.Messages.Count).Append("</p>");
        foreach (var m in c.Messages)
        {
            html.Append("<article class=\"msg ").Append(m.Kind is "note" or "event" ? m.Kind : m.Direction).Append("\" id=\"m").Append(m.Id).Append("\">");
            html.Append("<div class=\"meta\">").Append(H(Direction(m))).Append(" · ").Append(H(ExportData.Moscow(m.SentAt ?? m.CreatedAt)))
                .Append(" · ").Append(H(ExportData.Utc(m.SentAt ?? m.CreatedAt)));
            if (m.Channel is { } mc) html.Append(" · ").Append(H(mc.Name)).Append(" (").Append(H(mc.Kind)).Append(')');
            if (m.ClientAddress is { } addr) html.Append(" · адрес клиента: ").Append(H(addr));
            html.Append(" · №").Append(m.Id).Append("</div>");
            if (m.Text is { Length: > 0 } text) html.Append("<p class=\"text\">").Append(H(text)).Append("</p>");
            foreach (var f in m.Files)
            {
                html.Append("<div class=\"file\">📎 ");
                if (f.Path is { } path) html.Append("<a href=\"").Append(H(Uri.EscapeDataString(path).Replace("%2F", "/", StringComparison.Ordinal))).Append("\">").Append(H(f.FileName)).Append("</a>");
                else html.Append(H(f.FileName)).Append(" — ").Append(H(f.Missing));
                if (f.Size is { } size) html.Append(" (").Append(size).Append(" байт)");
                if (withHashes && f.Sha256 is { } sha) html.Append("<div class=\"sha\">SHA-256: ").Append(sha).Append("</div>");
                html.Append("</div>");
            }
            html.Append("</article>");
        }
        html.Append("</section>");
    }

    public static string Status(string status) => status switch
    {
        "open" => "открыто", "pending" => "ожидает", "snoozed" => "отложено", "resolved" => "закрыто", _ => status,
    };
}
