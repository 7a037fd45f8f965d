using Okno.Core.Quality;

namespace Okno.Tests.Quality;

/// <summary>Phrases match by Russian word forms as whole words in order — not as raw substrings.</summary>
public sealed class PolicyCheckTests
{
    private static QualityPolicy Policy(bool greeting = false, string[]? required = null, string[]? forbidden = null, bool phones = false)
    {
        var p = QualityPolicy.Default();
        p.Change(greeting, required ?? [], forbidden ?? [], phones, block: false, maxFirstResponse: null, byUserId: null, DateTimeOffset.UnixEpoch);
        return p;
    }

    private static List<PolicyFinding> Check(QualityPolicy p, string text, bool first = false) => PolicyCheck.Check(p, text, first).ToList();

    [Theory]
    [InlineData("Не волнуйтесь, 100% выиграем!", "100 % выиграем")]
    [InlineData("ВЫИГРАЕМ, даже не сомневайтесь", "выиграем")]
    [InlineData("Даём гарантию результата", "гарантия результата")]
    [InlineData("Всё учтем в договоре", "учтём")]
    [InlineData("Пишите мне в личку, так быстрее", "в личку")]
    public void ForbiddenPhrase_AnyCaseAndWordForm_Found(string text, string phrase)
    {
        var found = Check(Policy(forbidden: [phrase]), text);
        Assert.Equal([new PolicyFinding(QualityRule.Forbidden, phrase)], found);
    }

    [Theory]
    [InlineData("Получил отличку по праву", "личку")] // inside another word
    [InlineData("Победа выиграна не нами", "100 % выиграем")] // not all words
    [InlineData("Выиграем 100 дел", "100 % выиграем")] // not in order
    public void ForbiddenPhrase_NotAWholeWordSequence_NotFound(string text, string phrase) =>
        Assert.Empty(Check(Policy(forbidden: [phrase]), text));

    [Fact]
    public void Greeting_RequiredInTheFirstReplyOnly()
    {
        var p = Policy(greeting: true);
        Assert.Empty(Check(p, "Добрый день! Чем помочь?", first: true));
        Assert.Empty(Check(p, "Здравствуйте, Мария.", first: true));
        Assert.Equal(QualityRule.Greeting, Assert.Single(Check(p, "Чем помочь?", first: true)).Rule);
        Assert.Empty(Check(p, "Чем помочь?", first: false));
    }

    [Fact]
    public void RequiredPhrase_MissingFromTheFirstReply_Named()
    {
        var p = Policy(required: ["бюро Правовед"]);
        Assert.Empty(Check(p, "Здравствуйте! Юридическое бюро «Правовед», меня зовут Ольга.", first: true));
        Assert.Equal([new PolicyFinding(QualityRule.Required, "бюро Правовед")], Check(p, "Здравствуйте! Меня зовут Ольга.", first: true));
    }

    [Fact]
    public void PhoneNumber_Found_AndRecordedMasked()
    {
        var finding = Assert.Single(Check(Policy(phones: true), "Звоните мне напрямую: +7 916 555-01-23"));
        Assert.Equal(QualityRule.PhoneNumber, finding.Rule);
        Assert.DoesNotContain("916", finding.Phrase, StringComparison.Ordinal);
        Assert.Contains("01-23", finding.Phrase, StringComparison.Ordinal);
        Assert.Empty(Check(Policy(phones: false), "Звоните мне напрямую: +7 916 555-01-23"));
    }

    [Fact]
    public void Policy_PhraseWithoutWords_Refused() =>
        Assert.Throws<Okno.Core.DomainException>(() => Policy(forbidden: ["!!!"]));

    [Fact]
    public void LateFirstResponse_OverTheNorm_Found()
    {
        var p = QualityPolicy.Default();
        p.Change(false, [], [], false, false, TimeSpan.FromMinutes(15), null, DateTimeOffset.UnixEpoch);
        Assert.Null(PolicyCheck.LateFirstResponse(p, TimeSpan.FromMinutes(14)));
        Assert.Equal(QualityRule.FirstResponseTime, PolicyCheck.LateFirstResponse(p, TimeSpan.FromMinutes(20))!.Rule);
    }
}
