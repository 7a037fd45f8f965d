using Okno.Core.Conversations;

namespace Okno.Tests.Conversations;

public sealed class RussianNamesTests
{
    [Theory]
    [InlineData("Ольга Смирнова", "Ольге Смирновой", "Ольги Смирновой")]
    [InlineData("Иван Петров", "Ивану Петрову", "Ивана Петрова")]
    [InlineData("Андрей Достоевский", "Андрею Достоевскому", "Андрея Достоевского")]
    [InlineData("Мария Иванова", "Марии Ивановой", "Марии Ивановой")]
    [InlineData("Никита Толстой", "Никите Толстому", "Никиты Толстого")]
    [InlineData("Игорь Черных", "Игорю Черных", "Игоря Черных")]
    [InlineData("Anna Smith", "Anna Smith", "Anna Smith")]
    public void Decline_CommonNames_DativeAndGenitive(string name, string dative, string genitive)
    {
        Assert.Equal(dative, RussianNames.Decline(name, RussianNames.Case.Dative));
        Assert.Equal(genitive, RussianNames.Decline(name, RussianNames.Case.Genitive));
    }

    [Theory]
    [InlineData("Ольга Смирнова", "передала")]
    [InlineData("Иван Петров", "передал")]
    [InlineData("Никита Толстой", "передал")]
    [InlineData("Admin", "передал(а)")]
    public void Verb_ByGender_AgreesWithTheName(string name, string expected) => Assert.Equal(expected, RussianNames.Verb(name, "передал"));
}
