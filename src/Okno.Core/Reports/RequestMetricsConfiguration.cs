using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okno.Core.Conversations;

namespace Okno.Core.Reports;

internal sealed class RequestMetricsConfiguration : IEntityTypeConfiguration<RequestMetrics>
{
    public void Configure(EntityTypeBuilder<RequestMetrics> b)
    {
        b.HasKey(x => x.ConversationId);
        b.Property(x => x.ConversationId).ValueGeneratedNever();
        // A deleted conversation takes its numbers with it.
        b.HasOne<Conversation>().WithOne().HasForeignKey<RequestMetrics>(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Source).HasMaxLength(RequestMetrics.MaxSource);
        b.Property(x => x.Page).HasMaxLength(RequestMetrics.MaxUrl);
        b.Property(x => x.Referrer).HasMaxLength(RequestMetrics.MaxUrl);
        b.Property(x => x.UtmSource).HasMaxLength(RequestMetrics.MaxTag);
        b.Property(x => x.UtmMedium).HasMaxLength(RequestMetrics.MaxTag);
        b.Property(x => x.UtmCampaign).HasMaxLength(RequestMetrics.MaxTag);
        b.Property(x => x.AvitoItem).HasMaxLength(RequestMetrics.MaxTag);
        b.Property(x => x.NotTargetReason).HasMaxLength(NotTargetReason.MaxLength);
        b.Property(x => x.PracticeArea).HasMaxLength(RequestMetrics.MaxTag);
        // Reports read a period (CreatedAt) and drill down by one dimension within it.
        b.HasIndex(x => x.CreatedAt);
        b.HasIndex(x => x.LocalDay);
        b.HasIndex(x => new { x.AssigneeId, x.CreatedAt });
        b.HasIndex(x => new { x.ChannelId, x.CreatedAt });
        b.HasIndex(x => new { x.Source, x.CreatedAt });
        b.HasIndex(x => new { x.TeamId, x.CreatedAt });
    }
}
