using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Core.Contacts;

internal sealed class ContactLabelConfiguration : IEntityTypeConfiguration<ContactLabel>
{
    public void Configure(EntityTypeBuilder<ContactLabel> b)
    {
        b.Property(x => x.Text).HasMaxLength(ContactLabel.MaxLength);
        b.HasIndex(x => x.ContactId);
        b.HasIndex(x => x.Text);
    }
}

internal sealed class ContactNoteConfiguration : IEntityTypeConfiguration<ContactNote>
{
    public void Configure(EntityTypeBuilder<ContactNote> b)
    {
        b.Property(x => x.Text).HasMaxLength(ContactNote.MaxLength);
        b.HasIndex(x => x.ContactId);
    }
}
