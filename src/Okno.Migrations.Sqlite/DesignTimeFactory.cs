using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Okno.Core.Data;

namespace Okno.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add X --project src/Okno.Migrations.Sqlite` build the model for SQLite.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<OknoDbContext>
{
    public OknoDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<OknoDbContext>();
        OknoDatabase.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=design-time.db" });
        return new OknoDbContext(builder.Options);
    }
}
