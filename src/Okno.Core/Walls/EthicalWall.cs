namespace Okno.Core.Walls;

/// <summary>
/// An ethical wall: a contact (every conversation of it) or one conversation that only the named users may see —
/// whatever their role, administrators included (decision 0025).
/// </summary>
public sealed class EthicalWall
{
    private EthicalWall() { }

    public EthicalWall(long? contactId, long? conversationId, long? setById, DateTimeOffset now)
    {
        if ((contactId is null) == (conversationId is null)) throw new DomainException("Укажите либо контакт, либо обращение.");
        ContactId = contactId;
        ConversationId = conversationId;
        SetById = setById;
        SetAt = now;
    }

    public long Id { get; private set; }
    public long? ContactId { get; private set; }
    public long? ConversationId { get; private set; }
    public long? SetById { get; private set; }
    public DateTimeOffset SetAt { get; private set; }
    public List<EthicalWallMember> Members { get; private set; } = [];

    public const int MaxMembers = 200;

    /// <summary>Replaces the named users; a wall with nobody behind it would hide the client from everyone for good.</summary>
    public void Name(IReadOnlyCollection<long> userIds, long? byId, DateTimeOffset now)
    {
        if (userIds.Count == 0) throw new DomainException("Назовите хотя бы одного сотрудника, которому доступен клиент.");
        if (userIds.Count > MaxMembers) throw new DomainException($"Не больше {MaxMembers} сотрудников.");
        Members.RemoveAll(m => !userIds.Contains(m.UserId));
        foreach (var id in userIds.Where(id => Members.All(m => m.UserId != id))) Members.Add(new EthicalWallMember(id));
        SetById = byId;
        SetAt = now;
    }
}
