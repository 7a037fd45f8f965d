using Okno.Channels.WebChat;

namespace Okno.Tests.Channels.WebChat;

public sealed class BusinessHoursTests
{
    [Theory]
    [InlineData("2026-11-23T08:59:00+03:00", false)] // Monday, before opening
    [InlineData("2026-11-23T09:00:00+03:00", true)]
    [InlineData("2026-11-27T17:59:00+03:00", true)]  // Friday
    [InlineData("2026-11-27T18:00:00+03:00", false)]
    [InlineData("2026-11-28T12:00:00+03:00", false)] // Saturday
    [InlineData("2026-11-23T06:30:00+00:00", true)]  // 09:30 in Moscow
    public void IsOpen_WeekdaysNineToSixMoscow_OpenOnlyThen(string at, bool open)
    {
        Assert.True(BusinessHours.TryParse("Mon-Fri 09:00-18:00 Europe/Moscow", out var hours));
        Assert.Equal(open, hours!.IsOpen(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Mon-Fri 9-18")]
    [InlineData("Mon-Xyz 09:00-18:00 Europe/Moscow")]
    [InlineData("Mon-Fri 09:00-18:00 Mars/Olympus")]
    public void TryParse_Malformed_False(string text) => Assert.False(BusinessHours.TryParse(text, out _));

    [Fact]
    public void TryParse_CommaListAndWrapAround_AllDaysRead()
    {
        Assert.True(BusinessHours.TryParse("Sat,Sun 10:00-16:00 UTC", out var weekend));
        Assert.Equal([DayOfWeek.Sunday, DayOfWeek.Saturday], weekend!.Days.Order());
        Assert.True(BusinessHours.TryParse("Fri-Mon 10:00-16:00 UTC", out var wrap));
        Assert.Equal(4, wrap!.Days.Count);
    }
}
