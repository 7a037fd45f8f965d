namespace Okno.Core.Contacts;

/// <summary>The record of a merge: enough to see who merged what and to undo it.</summary>
public sealed class ContactMerge
{
    public long Id { get; set; }
    public long SurvivorId { get; set; }
    public long MergedId { get; set; }
    public long? MergedByUserId { get; set; }
    public DateTimeOffset MergedAt { get; set; }
    /// <summary>JSON: the identity, endpoint and conversation ids that moved.</summary>
    public string Moved { get; set; } = "{}";
}
