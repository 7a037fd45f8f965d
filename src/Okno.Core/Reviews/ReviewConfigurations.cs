using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Core.Reviews;

internal sealed class ScorecardConfiguration : IEntityTypeConfiguration<Scorecard>
{
    public void Configure(EntityTypeBuilder<Scorecard> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Ignore(x => x.Criteria);
    }
}

internal sealed class ConversationReviewConfiguration : IEntityTypeConfiguration<ConversationReview>
{
    public void Configure(EntityTypeBuilder<ConversationReview> b)
    {
        b.HasKey(x => x.Id);
        b.Ignore(x => x.Scores);
        b.Property(x => x.Comment).HasMaxLength(ConversationReview.MaxCommentLength);
        b.HasIndex(x => x.ConversationId);
        b.HasIndex(x => new { x.OperatorId, x.CreatedAt });
    }
}

internal sealed class TargetAuditConfiguration : IEntityTypeConfiguration<TargetAudit>
{
    public void Configure(EntityTypeBuilder<TargetAudit> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Reason).HasMaxLength(Conversations.NotTargetReason.MaxLength);
        b.Property(x => x.Comment).HasMaxLength(TargetAudit.MaxCommentLength);
        b.HasIndex(x => x.ConversationId);
        b.HasIndex(x => new { x.VerdictById, x.At });
    }
}
