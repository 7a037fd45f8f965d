namespace Okno.Core.Desk;

/// <summary>How a team hands out new requests.</summary>
public enum TeamStrategy { Manual, RoundRobin, LeastLoaded, Skills }

/// <summary>Why a request is with its assignee (ConversationDto.assignedBy).</summary>
public enum AssignmentReason { Manual, RoundRobin, LeastLoaded, Skills, Sticky, AutoTransfer, Rule }

public enum PresenceStatus { Online, Away, Offline }

public enum SlaState { Ok, AtRisk, Breached }

/// <summary>What a breach does besides being recorded: notify the assignee and supervisors, or also hand the request to someone else.</summary>
public enum SlaEscalation { Notify, Reassign }

/// <summary>Wire names of the desk's enums: snake_case, as fixed by issue 12.</summary>
public static class DeskNames
{
    public static string Wire<T>(T value) where T : struct, Enum =>
        string.Concat(value.ToString().Select((ch, i) => char.IsUpper(ch) && i > 0 ? "_" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));

    public static bool TryParse<T>(string? wire, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(wire)) return false;
        foreach (var v in Enum.GetValues<T>())
            if (Wire(v) == wire.Trim()) { value = v; return true; }
        return false;
    }

    public static string List<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(v => Wire(v)));
}
