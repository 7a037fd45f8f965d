using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Core.Privacy;

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> b)
    {
        b.Property(x => x.Source).HasMaxLength(32);
        b.Property(x => x.Text).HasMaxLength(Consent.MaxTextLength);
        b.Property(x => x.TextSha256).HasMaxLength(64);
        b.HasIndex(x => x.ContactId);
    }
}

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> b)
    {
        b.Property(x => x.Purpose).HasMaxLength(32);
        b.Property(x => x.KeyId).HasMaxLength(64);
        b.Property(x => x.PublicKey).HasMaxLength(400);
        b.Property(x => x.ProtectedPrivateKey).HasMaxLength(4000);
        b.HasIndex(x => x.Purpose).IsUnique();
    }
}
