using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Okno.Core.Data;

namespace Okno.Migrations.Postgres;

/// <summary>Lets `dotnet ef migrations add X --project src/Okno.Migrations.Postgres` build the model for PostgreSQL.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<OknoDbContext>
{
    public OknoDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<OknoDbContext>();
        OknoDatabase.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=okno_design;Username=postgres" });
        return new OknoDbContext(builder.Options);
    }
}
