using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Audit;
using Okno.Core.Channels;
using Okno.Core.Contacts;
using Okno.Core.Conversations;
using Okno.Core.Messages;
using Okno.Core.Operators;
using Okno.Core.Scripts;

namespace Okno.Core.Data;

/// <summary>Also the Data Protection key store when several nodes share PostgreSQL (they must share one key ring).</summary>
public sealed class OknoDbContext(DbContextOptions<OknoDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ChannelAccount> ChannelAccounts => Set<ChannelAccount>();
    public DbSet<ChannelStateEntry> ChannelState => Set<ChannelStateEntry>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ContactIdentity> Identities => Set<ContactIdentity>();
    public DbSet<ContactEndpoint> Endpoints => Set<ContactEndpoint>();
    public DbSet<ContactMerge> ContactMerges => Set<ContactMerge>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<OutboxItem> Outbox => Set<OutboxItem>();
    public DbSet<ProcessedEvent> ProcessedEvents => Set<ProcessedEvent>();
    public DbSet<Okno.Core.Leases.Lease> Leases => Set<Okno.Core.Leases.Lease>();
    public DbSet<User> Users => Set<User>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();
    public DbSet<RolePolicy> RolePolicies => Set<RolePolicy>();
    public DbSet<Retention.RetentionRule> RetentionRules => Set<Retention.RetentionRule>();
    public DbSet<Retention.LegalHold> LegalHolds => Set<Retention.LegalHold>();
    public DbSet<Walls.EthicalWall> EthicalWalls => Set<Walls.EthicalWall>();
    public DbSet<Walls.EthicalWallMember> EthicalWallMembers => Set<Walls.EthicalWallMember>();
    public DbSet<Script> Scripts => Set<Script>();
    public DbSet<NotTargetReason> NotTargetReasons => Set<NotTargetReason>();
    public DbSet<ContactLabel> ContactLabels => Set<ContactLabel>();
    public DbSet<ContactNote> ContactNotes => Set<ContactNote>();
    public DbSet<Desk.Team> Teams => Set<Desk.Team>();
    public DbSet<Desk.UserPresence> Presence => Set<Desk.UserPresence>();
    public DbSet<Desk.PresenceConnection> PresenceConnections => Set<Desk.PresenceConnection>();
    public DbSet<Desk.BusinessHours> BusinessHours => Set<Desk.BusinessHours>();
    public DbSet<Desk.SlaPolicy> SlaPolicies => Set<Desk.SlaPolicy>();
    public DbSet<Desk.ChannelQueueNotice> QueueNotices => Set<Desk.ChannelQueueNotice>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();
    public DbSet<Quality.QualityPolicy> QualityPolicies => Set<Quality.QualityPolicy>();
    public DbSet<Quality.QualityViolation> QualityViolations => Set<Quality.QualityViolation>();
    public DbSet<Reviews.Scorecard> Scorecards => Set<Reviews.Scorecard>();
    public DbSet<Reviews.ConversationReview> Reviews => Set<Reviews.ConversationReview>();
    public DbSet<Reviews.TargetAudit> TargetAudits => Set<Reviews.TargetAudit>();
    public DbSet<Reports.RequestMetrics> RequestMetrics => Set<Reports.RequestMetrics>();
    public DbSet<OutgoingWebhooks.WebhookEndpoint> WebhookEndpoints => Set<OutgoingWebhooks.WebhookEndpoint>();
    public DbSet<OutgoingWebhooks.WebhookDelivery> WebhookDeliveries => Set<OutgoingWebhooks.WebhookDelivery>();
    public DbSet<OutgoingWebhooks.WebhookAttempt> WebhookAttempts => Set<OutgoingWebhooks.WebhookAttempt>();
    public DbSet<Privacy.Consent> Consents => Set<Privacy.Consent>();
    public DbSet<Privacy.SigningKey> SigningKeys => Set<Privacy.SigningKey>();
    public DbSet<Okno.Core.Rules.Rule> Rules => Set<Okno.Core.Rules.Rule>();
    public DbSet<Okno.Core.Rules.RuleJob> RuleJobs => Set<Okno.Core.Rules.RuleJob>();
    public DbSet<Okno.Core.Rules.RuleFiring> RuleFirings => Set<Okno.Core.Rules.RuleFiring>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        if (Database.IsSqlite())
        {
            // SQLite has no instant type: store UTC ticks, which sort and compare as numbers.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OknoDbContext).Assembly);
}
