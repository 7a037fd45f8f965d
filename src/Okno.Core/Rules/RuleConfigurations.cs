using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Core.Rules;

internal sealed class RuleConfiguration : IEntityTypeConfiguration<Rule>
{
    public void Configure(EntityTypeBuilder<Rule> b)
    {
        b.ToTable("Rules");
        b.Property(x => x.Name).HasMaxLength(Rule.MaxName);
        b.Property(x => x.Event).HasMaxLength(64);
        b.Property(x => x.Schedule).HasMaxLength(100);
        b.Property(x => x.Preset).HasMaxLength(64);
        b.Property(x => x.ConditionsJson).HasMaxLength(20_000);
        b.Property(x => x.ActionsJson).HasMaxLength(40_000);
        b.HasIndex(x => new { x.Enabled, x.Event });
    }
}

internal sealed class RuleJobConfiguration : IEntityTypeConfiguration<RuleJob>
{
    public void Configure(EntityTypeBuilder<RuleJob> b)
    {
        b.ToTable("RuleJobs");
        b.Property(x => x.Event).HasMaxLength(64);
        b.Property(x => x.Occurrence).HasMaxLength(64);
        b.Property(x => x.LastError).HasMaxLength(500);
        b.HasIndex(x => new { x.Done, x.DueAt });
        b.HasIndex(x => new { x.RuleId, x.ConversationId, x.Occurrence }).IsUnique();
    }
}

internal sealed class RuleFiringConfiguration : IEntityTypeConfiguration<RuleFiring>
{
    public void Configure(EntityTypeBuilder<RuleFiring> b)
    {
        b.ToTable("RuleFirings");
        b.Property(x => x.Event).HasMaxLength(64);
        b.Property(x => x.Why).HasMaxLength(2000);
        b.Property(x => x.OutcomesJson).HasMaxLength(20_000);
        b.HasIndex(x => new { x.RuleId, x.Id });
        b.HasIndex(x => new { x.ConversationId, x.At });
        b.HasIndex(x => new { x.JobId, x.RuleId });
        b.HasOne<Rule>().WithMany().HasForeignKey(x => x.RuleId).OnDelete(DeleteBehavior.Cascade);
    }
}
