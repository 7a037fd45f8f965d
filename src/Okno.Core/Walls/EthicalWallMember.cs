namespace Okno.Core.Walls;

/// <summary>One user named behind an <see cref="EthicalWall"/>.</summary>
public sealed class EthicalWallMember
{
    private EthicalWallMember() { }

    public EthicalWallMember(long userId) => UserId = userId;

    public long WallId { get; private set; }
    public long UserId { get; private set; }
}
