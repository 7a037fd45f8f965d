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
        await FillSearchColumnsAsync(db, cancellationToken);
        await Bootstrap.EnsureFirstAdminAsync(scope.ServiceProvider);
    }

    /// <summary>Contacts named before the search columns existed get them once (the fold is C#, not SQL, so one form everywhere).</summary>
    private static async Task FillSearchColumnsAsync(OknoDbContext db, CancellationToken ct)
    {
        while (true)
        {
            var batch = await db.Contacts.Where(c => c.Name != null && c.SearchName == null).OrderBy(c => c.Id).Take(500).ToListAsync(ct);
            if (batch.Count == 0) return;
            foreach (var c in batch) c.RefreshSearch();
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
