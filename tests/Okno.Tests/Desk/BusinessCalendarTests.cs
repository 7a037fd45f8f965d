using Okno.Core.Desk;

namespace Okno.Tests.Desk;

/// <summary>Business time: Moscow 09:00–18:00 on weekdays, 1 January off, Saturday 9 January 2027 a moved working day.</summary>
public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.From(Hours());

    private static BusinessHours Hours()
    {
        var h = new BusinessHours("Москва", DateTimeOffset.UnixEpoch)
        {
            TimeZone = "Europe/Moscow",
            WeekJson = """{"mon":[["09:00","18:00"]],"tue":[["09:00","18:00"]],"wed":[["09:00","18:00"]],"thu":[["09:00","18:00"]],"fri":[["09:00","18:00"]]}""",
            DaysOffJson = """["2027-01-01"]""",
            WorkingDaysJson = """["2027-01-09"]""",
        };
        return h;
    }

    private static DateTimeOffset Msk(int month, int day, int hour, int minute = 0) => new(2027, month, day, hour, minute, 0, TimeSpan.FromHours(3));

    [Fact]
    public void Add_FridayEvening_SkipsTheWeekend()
    {
        // Friday 5 February 17:30 + 1 h of business time = Monday 8 February 09:30.
        Assert.Equal(Msk(2, 8, 9, 30), Calendar.Add(Msk(2, 5, 17, 30), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Elapsed_AcrossTheWeekend_CountsOnlyWorkingHours()
    {
        Assert.Equal(TimeSpan.FromHours(1), Calendar.Elapsed(Msk(2, 5, 17, 30), Msk(2, 8, 9, 30)));
        Assert.Equal(TimeSpan.Zero, Calendar.Elapsed(Msk(2, 6, 10), Msk(2, 7, 20)));
    }

    [Fact]
    public void Add_MovedWorkingSaturday_IsWorked()
    {
        // Friday 8 January 17:00 + 2 h: one hour on Friday, one on Saturday 9 January (a moved working day) → 10:00.
        Assert.Equal(Msk(1, 9, 10), Calendar.Add(Msk(1, 8, 17), TimeSpan.FromHours(2)));
        Assert.True(Calendar.IsOpen(Msk(1, 9, 12)));
        Assert.False(Calendar.IsOpen(Msk(1, 16, 12))); // an ordinary Saturday
    }

    [Fact]
    public void Add_DayOff_IsSkipped()
    {
        // Thursday 31 December 17:00 + 2 h: 1 January (Friday) is off, the weekend too → Monday 4 January 10:00.
        Assert.Equal(Msk(1, 4, 10), Calendar.Add(new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.FromHours(3)), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Add_BeforeOpening_StartsAtOpening()
    {
        Assert.Equal(Msk(2, 3, 9, 15), Calendar.Add(Msk(2, 3, 6), TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void IsoDuration_ParsesAndFormats()
    {
        Assert.True(IsoDuration.TryParse("PT15M", out var m));
        Assert.Equal(TimeSpan.FromMinutes(15), m);
        Assert.True(IsoDuration.TryParse("P2D", out var d));
        Assert.Equal("P2D", IsoDuration.Format(d));
        Assert.False(IsoDuration.TryParse("15m", out _));
        Assert.False(IsoDuration.TryParse("-PT1M", out _));
        Assert.False(IsoDuration.TryParse("P5Y", out _));
    }
}
