using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Core.Conversations;

internal sealed class NotTargetReasonConfiguration : IEntityTypeConfiguration<NotTargetReason>
{
    public void Configure(EntityTypeBuilder<NotTargetReason> b) => b.Property(x => x.Text).HasMaxLength(NotTargetReason.MaxLength);
}
