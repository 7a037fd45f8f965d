using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Core.Quality;

internal sealed class QualityPolicyConfiguration : IEntityTypeConfiguration<QualityPolicy>
{
    public void Configure(EntityTypeBuilder<QualityPolicy> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Ignore(x => x.RequiredPhrases);
        b.Ignore(x => x.ForbiddenPhrases);
        b.Ignore(x => x.MaxFirstResponse);
    }
}

internal sealed class QualityViolationConfiguration : IEntityTypeConfiguration<QualityViolation>
{
    public void Configure(EntityTypeBuilder<QualityViolation> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Phrase).HasMaxLength(QualityPolicy.MaxPhraseLength);
        b.HasOne(x => x.Message).WithMany().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ConversationId);
        b.HasIndex(x => new { x.AuthorId, x.At });
    }
}
