namespace Okno.Core.Desk;

/// <summary>A named working schedule: a time zone, weekly intervals, dates off and extra working dates (stored as JSON).</summary>
public sealed class BusinessHours
{
    private BusinessHours() { }

    public BusinessHours(string name, DateTimeOffset now)
    {
        Name = name;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public string Name { get; set; } = "";
    public string TimeZone { get; set; } = Conversations.BusinessTime.DefaultZone;
    /// <summary>{"mon":[["09:00","18:00"]],…}</summary>
    public string WeekJson { get; set; } = "{}";
    public string DaysOffJson { get; set; } = "[]";
    public string WorkingDaysJson { get; set; } = "[]";
    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>Response and resolution targets; chosen per team / channel / label (the most specific match wins).</summary>
public sealed class SlaPolicy
{
    private SlaPolicy() { }

    public SlaPolicy(string name, DateTimeOffset now)
    {
        Name = name;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public string Name { get; set; } = "";
    public long? FirstResponseSeconds { get; set; }
    public long? NextResponseSeconds { get; set; }
    public long? ResolutionSeconds { get; set; }
    public bool BusinessHoursOnly { get; set; }
    public long? TeamId { get; set; }
    public string ChannelIdsJson { get; set; } = "[]";
    public string LabelsJson { get; set; } = "[]";
    public SlaEscalation Escalation { get; set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
