using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Okno.Core.Channels;
using Okno.Core.Contacts;
using Okno.Core.Conversations;
using Okno.Core.Messages;
using Okno.Core.Operators;

namespace Okno.Core.Data;

internal sealed class ChannelAccountConfiguration : IEntityTypeConfiguration<ChannelAccount>
{
    public void Configure(EntityTypeBuilder<ChannelAccount> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(200);
    }
}

internal sealed class ChannelStateConfiguration : IEntityTypeConfiguration<ChannelStateEntry>
{
    public void Configure(EntityTypeBuilder<ChannelStateEntry> b)
    {
        b.HasKey(x => new { x.ChannelAccountId, x.Key });
        b.Property(x => x.Key).HasMaxLength(100);
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.Property(x => x.Name).HasMaxLength(300);
        b.HasMany(x => x.Identities).WithOne().HasForeignKey(x => x.ContactId);
    }
}

internal sealed class ContactIdentityConfiguration : IEntityTypeConfiguration<ContactIdentity>
{
    public void Configure(EntityTypeBuilder<ContactIdentity> b)
    {
        b.Property(x => x.Value).HasMaxLength(320);
        b.HasIndex(x => new { x.Kind, x.Value }).IsUnique();
        b.HasIndex(x => x.ContactId);
    }
}

internal sealed class ContactEndpointConfiguration : IEntityTypeConfiguration<ContactEndpoint>
{
    public void Configure(EntityTypeBuilder<ContactEndpoint> b)
    {
        b.Property(x => x.Address).HasMaxLength(320);
        b.HasIndex(x => new { x.ChannelAccountId, x.Address }).IsUnique();
        b.HasIndex(x => x.ContactId);
    }
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> b)
    {
        b.Property(x => x.LastMessagePreview).HasMaxLength(200);
        // One open request per contact, across all channels — made impossible to break, not just unlikely.
        b.HasIndex(x => x.ContactId).IsUnique().HasFilter("\"Status\" <> 'Resolved'").HasDatabaseName("IX_Conversations_OneOpenPerContact");
        b.HasIndex(x => new { x.ContactId, x.CreatedAt });
        b.HasIndex(x => new { x.Status, x.LastMessageAt });
        b.HasIndex(x => new { x.AssigneeId, x.Status, x.LastMessageAt });
        b.HasIndex(x => x.LastMessageAt);
        b.HasIndex(x => x.ReturnBy);
        b.HasIndex(x => x.SnoozedUntil);
        b.HasIndex(x => new { x.TeamId, x.AssigneeId, x.Status });
        // The queue (DeskQueue) read from the index alone: every inbox page and open conversation asks for positions.
        b.HasIndex(x => new { x.AssigneeId, x.Status, x.TeamId, x.WaitingSince, x.CreatedAt, x.ContactId }).HasDatabaseName("IX_Conversations_Queue");
        b.Property(x => x.SlaBreachesJson).HasMaxLength(4000);
        b.Ignore(x => x.SlaBreaches);
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.Property(x => x.ExternalId).HasMaxLength(300);
        b.HasIndex(x => new { x.ChannelAccountId, x.ExternalId }).IsUnique();
        b.HasIndex(x => new { x.ConversationId, x.Id });
        b.HasIndex(x => new { x.ContactId, x.Id });
        b.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.MessageId);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.Property(x => x.FileName).HasMaxLength(300);
        b.Property(x => x.ContentType).HasMaxLength(150);
    }
}

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxItem>
{
    public void Configure(EntityTypeBuilder<OutboxItem> b)
    {
        b.ToTable("Outbox");
        b.HasIndex(x => x.DueAt);
        b.HasOne(x => x.Message).WithMany().HasForeignKey(x => x.MessageId);
    }
}

internal sealed class LeaseConfiguration : IEntityTypeConfiguration<Okno.Core.Leases.Lease>
{
    public void Configure(EntityTypeBuilder<Okno.Core.Leases.Lease> b)
    {
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Holder).HasMaxLength(200);
    }
}

internal sealed class ProcessedEventConfiguration : IEntityTypeConfiguration<ProcessedEvent>
{
    public void Configure(EntityTypeBuilder<ProcessedEvent> b)
    {
        b.HasKey(x => new { x.ChannelAccountId, x.Key });
        b.Property(x => x.Key).HasMaxLength(200);
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.Property(x => x.Email).HasMaxLength(320);
        b.HasIndex(x => x.Email).IsUnique();
        b.Property(x => x.SecurityStamp).HasMaxLength(64);
        b.Property(x => x.TotpSecret).HasMaxLength(1000);
        b.Property(x => x.PendingTotpSecret).HasMaxLength(1000);
        b.Ignore(x => x.TwoFactorEnabled);
    }
}

internal sealed class RecoveryCodeConfiguration : IEntityTypeConfiguration<RecoveryCode>
{
    public void Configure(EntityTypeBuilder<RecoveryCode> b)
    {
        b.Property(x => x.Hash).HasMaxLength(64);
        b.HasIndex(x => new { x.UserId, x.Hash }).IsUnique();
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RolePolicyConfiguration : IEntityTypeConfiguration<RolePolicy>
{
    public void Configure(EntityTypeBuilder<RolePolicy> b) => b.HasKey(x => x.Role);
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.Property(x => x.Hash).HasMaxLength(64);
        b.HasIndex(x => x.Hash).IsUnique();
        // Tokens from before scopes were full-power (the bootstrap token): they keep every scope.
        b.Property(x => x.Scopes).HasMaxLength(100).HasDefaultValue("read,write,admin,webhooks");
        b.Ignore(x => x.ScopeList);
    }
}

internal sealed class LegalHoldConfiguration : IEntityTypeConfiguration<Retention.LegalHold>
{
    public void Configure(EntityTypeBuilder<Retention.LegalHold> b)
    {
        b.Property(x => x.Reason).HasMaxLength(Retention.LegalHold.MaxReasonLength);
        b.HasIndex(x => x.ContactId);
        b.HasIndex(x => x.ConversationId);
    }
}
