using System.Text.Json;

namespace Okno.Core.Desk;

/// <summary>
/// One user's presence and desk profile. <see cref="Held"/>: set through the API (an integration, a supervisor) —
/// tabs opening and closing and idleness do not change it until someone sets it again.
/// </summary>
public sealed class UserPresence
{
    private UserPresence() { }

    public UserPresence(long userId, DateTimeOffset now)
    {
        UserId = userId;
        Status = PresenceStatus.Offline;
        Since = now;
    }

    public long UserId { get; private set; }
    public PresenceStatus Status { get; private set; }
    public DateTimeOffset Since { get; private set; }
    public bool Held { get; private set; }
    /// <summary>Away because idle (comes back online by itself on activity), not because the user chose it.</summary>
    public bool AutoAway { get; private set; }
    public DateTimeOffset? LastInputAt { get; set; }
    /// <summary>When the last tab closed; offline follows after a grace period (a reload reconnects within it).</summary>
    public DateTimeOffset? DisconnectedAt { get; set; }
    public DateTimeOffset? LastAssignedAt { get; set; }
    public string PracticeAreasJson { get; private set; } = "[]";

    public IReadOnlyList<string> PracticeAreas
    {
        get => JsonSerializer.Deserialize<List<string>>(PracticeAreasJson) ?? [];
        set => PracticeAreasJson = JsonSerializer.Serialize(value.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <returns>true when the status changed.</returns>
    public bool Set(PresenceStatus status, bool held, DateTimeOffset now, bool autoAway = false)
    {
        Held = held;
        AutoAway = autoAway;
        if (Status == status) return false;
        Status = status;
        Since = now;
        return true;
    }
}

/// <summary>One open tab (hub connection) of a user, refreshed by heartbeats; a stale row is a crashed node's.</summary>
public sealed class PresenceConnection
{
    public string ConnectionId { get; set; } = "";
    public long UserId { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    /// <summary>When its user last touched this tab (the user is idle when every tab is).</summary>
    public DateTimeOffset LastInputAt { get; set; }
}
