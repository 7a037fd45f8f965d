namespace Okno.Core.Channels;

/// <summary>One connected number, bot, mailbox or community of a channel.</summary>
public sealed class ChannelAccount
{
    private ChannelAccount() { }

    public ChannelAccount(ChannelKind kind, string name, string protectedSettings, DateTimeOffset now, bool isDemo = false)
    {
        Id = Guid.NewGuid(); // random (v4): the id is part of the webhook URL and must not be guessable
        Kind = kind;
        Name = name;
        ProtectedSettings = protectedSettings;
        CreatedAt = now;
        StatusChangedAt = now;
        IsDemo = isDemo;
    }

    public Guid Id { get; private set; }
    public ChannelKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>Settings JSON, encrypted with Data Protection: it holds tokens and secrets.</summary>
    public string ProtectedSettings { get; private set; } = "";
    public ChannelStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    public DateTimeOffset StatusChangedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public bool IsDemo { get; private set; }
    public bool IsDeleted { get; private set; }

    public void Rename(string name) => Name = name;

    public void ReplaceSettings(string protectedSettings) => ProtectedSettings = protectedSettings;

    /// <returns>true when the status actually changed.</returns>
    public bool SetStatus(ChannelStatus status, string? reason, DateTimeOffset now)
    {
        if (Status == status && StatusReason == reason) return false;
        Status = status;
        StatusReason = reason;
        StatusChangedAt = now;
        return true;
    }

    public void Delete() => IsDeleted = true;
}
