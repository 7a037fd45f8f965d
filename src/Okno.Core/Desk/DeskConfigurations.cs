using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Core.Desk;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.Property(x => x.Name).HasMaxLength(Team.MaxNameLength);
        b.Ignore(x => x.MemberIds);
        b.Ignore(x => x.ChannelIds);
        b.Ignore(x => x.PracticeAreas);
        b.Ignore(x => x.AutoTransferAfter);
    }
}

internal sealed class UserPresenceConfiguration : IEntityTypeConfiguration<UserPresence>
{
    public void Configure(EntityTypeBuilder<UserPresence> b)
    {
        b.HasKey(x => x.UserId);
        b.Property(x => x.UserId).ValueGeneratedNever();
        b.Ignore(x => x.PracticeAreas);
    }
}

internal sealed class PresenceConnectionConfiguration : IEntityTypeConfiguration<PresenceConnection>
{
    public void Configure(EntityTypeBuilder<PresenceConnection> b)
    {
        b.HasKey(x => x.ConnectionId);
        b.Property(x => x.ConnectionId).HasMaxLength(100);
        b.HasIndex(x => x.UserId);
    }
}

internal sealed class BusinessHoursConfiguration : IEntityTypeConfiguration<BusinessHours>
{
    public void Configure(EntityTypeBuilder<BusinessHours> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.TimeZone).HasMaxLength(64);
    }
}

internal sealed class ChannelQueueNoticeConfiguration : IEntityTypeConfiguration<ChannelQueueNotice>
{
    public void Configure(EntityTypeBuilder<ChannelQueueNotice> b)
    {
        b.HasKey(x => x.ChannelAccountId);
        b.Property(x => x.ChannelAccountId).ValueGeneratedNever();
        b.Property(x => x.Text).HasMaxLength(ChannelQueueNotice.MaxTextLength);
    }
}

internal sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    public void Configure(EntityTypeBuilder<SlaPolicy> b) => b.Property(x => x.Name).HasMaxLength(100);
}
