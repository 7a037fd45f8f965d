using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;

namespace Okno.Web.Hosting;

/// <summary>
/// Applies migrations and creates the first administrator before anything else starts
/// (registered first, so it runs before the writer, the workers and the server).
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services, DatabaseOptions database) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        OknoDatabase.PrepareSqliteFile(database);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        await Bootstrap.EnsureFirstAdminAsync(scope.ServiceProvider);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
