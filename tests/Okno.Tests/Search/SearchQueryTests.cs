using Okno.Core.Search;

namespace Okno.Tests.Search;

/// <summary>The query language and the snippets, without a database.</summary>
public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("договор", "договора")]
    [InlineData("договором", "договор")]
    [InlineData("Договоры", "ДОГОВОРА")]
    [InlineData("уволили", "увольнение")]
    [InlineData("ёлка", "елки")]
    [InlineData("наследство", "наследства")]
    public void WordForms_Hit(string typed, string written) => Assert.True(SearchQuery.Parse(typed, true).Hits(written), $"{typed} → {written}");

    [Theory]
    [InlineData("суд", "судьба")] // a short stem is matched whole, not as a prefix
    [InlineData("договор", "дорога")]
    public void OtherWords_Miss(string typed, string written) => Assert.False(SearchQuery.Parse(typed, true).Hits(written));

    [Fact]
    public void Phrase_Prefix_AndBothDialects()
    {
        var q = SearchQuery.Parse("\"договор аренды\" догов* суд", true);
        Assert.Equal("\"договор аренд\" \"догов\"* \"суд\"", q.ToFts5());
        Assert.Equal("('договор' <-> 'аренд') & 'догов':* & 'суд'", q.ToTsQuery());
    }

    [Fact]
    public void QuotesAndOperators_AreJustText()
    {
        var q = SearchQuery.Parse("a\"b OR NOT c* ' ; DROP", true);
        Assert.DoesNotContain(q.Groups.SelectMany(g => g), t => t.Stem.Contains('"') || t.Stem.Contains('\''));
        Assert.Equal(0, q.ToFts5().Count(c => c == '"') % 2);
    }

    [Fact]
    public void LongDigitRuns_LeftOutForRolesWithoutPhones()
    {
        Assert.True(SearchQuery.Parse("79161234567", digitsAllowed: false).IsEmpty);
        Assert.False(SearchQuery.Parse("79161234567", digitsAllowed: true).IsEmpty);
        Assert.False(SearchQuery.Parse("дело 2-1234", digitsAllowed: false).IsEmpty);
    }

    [Fact]
    public void Snippet_EscapesAndMarks_AroundTheFirstHit()
    {
        var text = new string('x', 300) + " <b>пришлите</b> копию договора, пожалуйста " + new string('y', 300);
        var snippet = Snippets.Of(text, SearchQuery.Parse("договор", true))!;
        Assert.True(snippet.Contains("<mark>договора</mark>", StringComparison.Ordinal), snippet);
        Assert.Contains("пришлите&lt;/b&gt;", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", snippet, StringComparison.Ordinal);
        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.True(snippet.Length < 400);
        Assert.Null(Snippets.Of("ничего похожего", SearchQuery.Parse("договор", true)));
    }
}
