using Okno.Core.Contacts;
using Okno.Web.Conversations;

namespace Okno.Tests.Contacts;

public sealed class PhoneMaskTests
{
    [Theory]
    [InlineData("📇 Контакт: Иван +7 916 555-01-23", "📇 Контакт: Иван +7 *** ***-01-23")]
    [InlineData("мой номер 89165550123, звоните", "мой номер +7 *** ***-01-23, звоните")]
    [InlineData("+7 (916) 555-01-23", "+7 *** ***-01-23")]
    public void MaskInText_PhoneInText_Masked(string text, string expected) => Assert.Equal(expected, PhoneMask.MaskInText(text));

    [Theory]
    [InlineData("Дело № 2-1234/2025, сумма 150000")]
    [InlineData("Встреча 25.11 в 10:30")]
    public void MaskInText_NoPhone_Unchanged(string text) => Assert.Equal(text, PhoneMask.MaskInText(text));

    [Theory]
    [InlineData("@Анна посмотрите", "Анна Петрова", "anna@firm.ru", true)]
    [InlineData("прошу @anna проверить", "Анна Петрова", "anna@firm.ru", true)]
    [InlineData("@Анатолий посмотрите", "Анна Петрова", "anna@firm.ru", false)]
    [InlineData("без упоминаний", "Анна Петрова", "anna@firm.ru", false)]
    public void Mentions_Contains_MatchesWholeNames(string text, string name, string email, bool expected) =>
        Assert.Equal(expected, Mentions.Contains(text, name, email));
}
