namespace Okno.Core.Contacts;

/// <summary>
/// The one form names are searched in, the same on SQLite and PostgreSQL (whose lower() and collations differ, and
/// SQLite's lower() knows ASCII only): invisible characters dropped, lower-cased invariantly, «ё» read as «е».
/// Stored beside the name when it is written; the query is folded the same way.
/// </summary>
public static class SearchFold
{
    public const int MaxLength = 300;

    public static string? Of(string? text)
    {
        if (text is null) return null;
        var folded = PhoneMask.Fold(text).ToLowerInvariant().Replace('ё', 'е').Trim();
        return folded.Length > MaxLength ? folded[..MaxLength] : folded;
    }

    /// <summary>The escape character of <see cref="EscapeLike"/> patterns (pass it to <c>EF.Functions.Like</c>).</summary>
    public const string LikeEscape = "\\";

    /// <summary>Makes <c>\</c>, <c>%</c> and <c>_</c> literal in a LIKE pattern.</summary>
    public static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>A LIKE pattern matching the folded query anywhere, wildcards in it literal.</summary>
    public static string ContainsPattern(string query) => "%" + EscapeLike(Of(query) ?? "") + "%";
}
