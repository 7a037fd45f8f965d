namespace Okno.Core.Files;

/// <summary>
/// A file name from outside (a platform payload, a letter, an upload) made safe to store and to offer as a download:
/// the last path segment only, no control or format characters, at most 200 characters, never empty.
/// </summary>
public static class SafeFileName
{
    public const int MaxLength = 200;

    public static string From(string? name, string fallback)
    {
        var clean = Clean(name);
        return clean.Length > 0 ? clean : Clean(fallback) is { Length: > 0 } f ? f : "file";
    }

    private static string Clean(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var last = name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        var chars = last.Where(c => !char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format && c != '"').ToArray();
        var clean = new string(chars).Trim().Trim('.').Trim();
        return clean.Length > MaxLength ? clean[..MaxLength] : clean;
    }
}
