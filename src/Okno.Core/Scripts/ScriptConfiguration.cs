using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Okno.Core.Scripts;

internal sealed class ScriptConfiguration : IEntityTypeConfiguration<Script>
{
    public void Configure(EntityTypeBuilder<Script> b)
    {
        b.Property(x => x.Title).HasMaxLength(Script.MaxTitle);
        b.Property(x => x.Text).HasMaxLength(Script.MaxText);
    }
}
