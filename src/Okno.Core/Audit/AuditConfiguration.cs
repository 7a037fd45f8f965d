using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Core.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Action).HasMaxLength(64);
        b.Property(x => x.ObjectType).HasMaxLength(32);
        b.Property(x => x.ObjectId).HasMaxLength(64);
        b.Property(x => x.Ip).HasMaxLength(64);
        b.Property(x => x.Detail).HasMaxLength(500);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.HasIndex(x => new { x.ObjectType, x.ObjectId, x.At });
        b.HasIndex(x => new { x.UserId, x.At });
        b.HasIndex(x => x.At);
    }
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Hash).HasMaxLength(64);
        b.HasData(new { Id = AuditHead.SingleId, LastId = 0L, Hash = "" });
    }
}
