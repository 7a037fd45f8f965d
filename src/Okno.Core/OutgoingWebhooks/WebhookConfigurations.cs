using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Core.OutgoingWebhooks;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> b)
    {
        b.ToTable("WebhookEndpoints");
        b.Property(x => x.Url).HasMaxLength(WebhookEndpoint.MaxUrl);
        b.Property(x => x.EventsJson).HasMaxLength(2000);
        b.Property(x => x.ProtectedSecret).HasMaxLength(4000);
        b.Property(x => x.DisabledReason).HasMaxLength(500);
        b.Ignore(x => x.Events);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.ToTable("WebhookDeliveries");
        b.Property(x => x.WebhookId).HasMaxLength(64);
        b.Property(x => x.EventType).HasMaxLength(64);
        b.Property(x => x.LastError).HasMaxLength(500);
        b.HasIndex(x => new { x.Status, x.DueAt });
        b.HasIndex(x => new { x.EndpointId, x.Id });
        b.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(x => x.EndpointId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.AttemptLog).WithOne().HasForeignKey(x => x.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> b)
    {
        b.ToTable("WebhookAttempts");
        b.Property(x => x.Error).HasMaxLength(500);
    }
}
