using System.Text.Json;
using Okno.Core.Channels;

namespace Okno.Core.Reports;

/// <summary>
/// Where a request came from (issue 13.2), normalised from the conversation's <c>SourceDetails</c> JSON (site chat:
/// page, referrer, UTM; Avito: the item; MAX: the start payload) and its channel account. <see cref="Key"/> is the one
/// grouping key: the most specific thing known, in this order — UTM tags, the Avito item, the page, the referrer's
/// site, the MAX start payload, else the channel kind («напрямую»).
/// </summary>
public sealed record LeadSource(string Key, string? Page, string? Referrer, string? UtmSource, string? UtmMedium, string? UtmCampaign, string? AvitoItem)
{
    public static LeadSource From(ChannelKind kind, string? sourceDetails)
    {
        string? page = null, referrer = null, utmSource = null, utmMedium = null, utmCampaign = null, item = null, payload = null;
        if (!string.IsNullOrWhiteSpace(sourceDetails))
        {
            try
            {
                using var doc = JsonDocument.Parse(sourceDetails);
                if (doc.RootElement.ValueKind == JsonValueKind.Object)
                {
                    var root = doc.RootElement;
                    page = Str(root, "pageUrl", RequestMetrics.MaxUrl);
                    referrer = Str(root, "referrer", RequestMetrics.MaxUrl);
                    utmSource = Str(root, "utm_source", RequestMetrics.MaxTag)?.ToLowerInvariant();
                    utmMedium = Str(root, "utm_medium", RequestMetrics.MaxTag)?.ToLowerInvariant();
                    utmCampaign = Str(root, "utm_campaign", RequestMetrics.MaxTag);
                    item = Str(root, "itemId", RequestMetrics.MaxTag);
                    payload = Str(root, "payload", RequestMetrics.MaxTag);
                }
            }
            catch (JsonException)
            {
                // Not JSON (an old row): no details, the channel is the source.
            }
        }
        string key;
        if (utmSource is not null || utmCampaign is not null) key = $"utm:{utmSource ?? "-"}/{utmMedium ?? "-"}/{utmCampaign ?? "-"}";
        else if (item is not null) key = "avito:" + item;
        else if (PageKey(page) is { } p) key = "page:" + p;
        else if (Host(referrer) is { } r) key = "ref:" + r;
        else if (payload is not null) key = "start:" + payload;
        else key = "direct:" + kind.ToWireName();
        if (key.Length > RequestMetrics.MaxSource) key = key[..RequestMetrics.MaxSource];
        return new LeadSource(key, page, referrer, utmSource, utmMedium, utmCampaign, item);
    }

    /// <summary>A person's reading of a key: «UTM: yandex / cpc / осень», «Avito, объявление 123», «Страница site.ru/razvod».</summary>
    public static string Label(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return key;
        var value = key[(colon + 1)..];
        return key[..colon] switch
        {
            "utm" => "UTM: " + value.Replace("/", " / ", StringComparison.Ordinal),
            "avito" => "Avito, объявление " + value,
            "page" => "Страница " + value,
            "ref" => "Переход с " + value,
            "start" => "Метка бота: " + value,
            "direct" => "Напрямую: " + (ChannelKinds.TryParse(value, out var k) ? k.Describe().Title : value),
            _ => key,
        };
    }

    private static string? Str(JsonElement root, string name, int max)
    {
        if (!root.TryGetProperty(name, out var v)) return null;
        var s = v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Number => v.GetRawText(), _ => null };
        if (string.IsNullOrWhiteSpace(s)) return null;
        s = s.Trim();
        return s.Length > max ? s[..max] : s;
    }

    /// <summary>host + path, without the query (it may carry a client's data) or a trailing slash: pages group.</summary>
    private static string? PageKey(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) ? (Trim(u.Host) + u.AbsolutePath.TrimEnd('/')).ToLowerInvariant() : null;

    private static string? Host(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Host.Length > 0 ? Trim(u.Host).ToLowerInvariant() : null;

    private static string Trim(string host) => host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;
}
