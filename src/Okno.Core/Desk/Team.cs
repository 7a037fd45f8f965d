using System.Text.Json;

namespace Okno.Core.Desk;

/// <summary>A team (отдел): its members, the channel accounts and practice areas it serves, and how it distributes.</summary>
public sealed class Team
{
    private Team() { }

    public const int MaxNameLength = 100;

    public Team(string name, DateTimeOffset now)
    {
        Name = name;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public string Name { get; set; } = "";
    /// <summary>JSON arrays (a team is small; lists are read whole).</summary>
    public string MemberIdsJson { get; private set; } = "[]";
    public string ChannelIdsJson { get; private set; } = "[]";
    public string PracticeAreasJson { get; private set; } = "[]";
    public TeamStrategy Strategy { get; set; }
    public int Capacity { get; set; } = 5;
    public int StickyDays { get; set; } = 30;
    public long? AutoTransferAfterSeconds { get; set; }
    public long? BusinessHoursId { get; set; }
    /// <summary>Requests from a channel account no team serves land here.</summary>
    public bool IsDefault { get; set; }
    /// <summary>Round robin: whom the team gave the last request to.</summary>
    public long? LastAssignedUserId { get; set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<long> MemberIds
    {
        get => JsonSerializer.Deserialize<List<long>>(MemberIdsJson) ?? [];
        set => MemberIdsJson = JsonSerializer.Serialize(value.Distinct().ToList());
    }

    public IReadOnlyList<Guid> ChannelIds
    {
        get => JsonSerializer.Deserialize<List<Guid>>(ChannelIdsJson) ?? [];
        set => ChannelIdsJson = JsonSerializer.Serialize(value.Distinct().ToList());
    }

    public IReadOnlyList<string> PracticeAreas
    {
        get => JsonSerializer.Deserialize<List<string>>(PracticeAreasJson) ?? [];
        set => PracticeAreasJson = JsonSerializer.Serialize(value.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    public TimeSpan? AutoTransferAfter => AutoTransferAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null;
}
