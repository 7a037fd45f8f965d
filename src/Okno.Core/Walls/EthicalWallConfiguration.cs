using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Core.Walls;

internal sealed class EthicalWallConfiguration : IEntityTypeConfiguration<EthicalWall>
{
    public void Configure(EntityTypeBuilder<EthicalWall> b)
    {
        b.HasIndex(x => x.ContactId).IsUnique();
        b.HasIndex(x => x.ConversationId).IsUnique();
        b.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.WallId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EthicalWallMemberConfiguration : IEntityTypeConfiguration<EthicalWallMember>
{
    public void Configure(EntityTypeBuilder<EthicalWallMember> b)
    {
        b.HasKey(x => new { x.WallId, x.UserId });
        b.HasIndex(x => x.UserId);
    }
}
