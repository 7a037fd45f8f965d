using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Core.Audit;
using Okno.Core.Data;
using Okno.Tests.Infrastructure;
using Okno.Tests.Security;
using Okno.Web.Audit;

namespace Okno.Tests.Privacy;

/// <summary>Okno exporting signed audit heads to a folder of its data directory.</summary>
public abstract class AuditHeadApp : OknoApp
{
    protected AuditHeadApp() => Settings["Okno:Audit:HeadExportPath"] = HeadsPath;

    public string HeadsPath => Path.Combine(DataDir, "audit-heads");
}

public sealed class SqliteAuditHeadApp : AuditHeadApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresAuditHeadApp : AuditHeadApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>Issue 15.2: the exported, signed head catches an entry edited and the chain re-hashed after it.</summary>
public abstract class AuditHeadTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : AuditHeadApp
{
    [SkippableFact]
    public async Task Verify_AfterAnEditAndARehashOfTheWholeChain_ReportsTheEditedIdFromTheExportedHead()
    {
        for (var i = 0; i < 4; i++) await SecurityKit.CreateUserAsync(App, "operator");
        var file = await App.Services.GetRequiredService<AuditHeadExport>().ExportAsync(CancellationToken.None);
        var victim = file is null ? 0 : file.LastId - 2;
        Assert.True(victim > 0, "nothing was exported");
        await SecurityKit.CreateUserAsync(App, "operator"); // entries after the export, not covered by it
        Assert.True((await PrivacyKit.VerifyAsync(App))["ok"]!.GetValue<bool>());

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
            await RehashFromAsync(db, victim, e => e.UserId == null ? (long?)424242 : e.UserId + 1);
        }

        var after = await PrivacyKit.VerifyAsync(App);
        Assert.False(after["ok"]!.GetValue<bool>(), after.ToJsonString());
        Assert.Equal(victim, after["firstBrokenId"]!.GetValue<long>());
        Assert.True(after["exportedHeads"]!.GetValue<int>() >= 1);
    }

    [SkippableFact]
    public async Task Head_IsSignedAndMatchesTheChain_ExportsOnlyWhatIsNew()
    {
        await SecurityKit.CreateUserAsync(App, "operator");
        using var admin = App.Api();
        var head = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/audit/head"))!;
        var export = App.Services.GetRequiredService<AuditHeadExport>();
        var (lastId, hash, at) = (head["lastId"]!.GetValue<long>(), head["hash"]!.GetValue<string>(), head["at"]!.GetValue<DateTimeOffset>());
        Assert.True(await export.VerifyAsync(AuditHeadExport.Message(lastId, hash, at, 0, []), head["signature"]!.GetValue<string>(), CancellationToken.None));
        Assert.False(await export.VerifyAsync(AuditHeadExport.Message(lastId + 1, hash, at, 0, []), head["signature"]!.GetValue<string>(), CancellationToken.None));
        var key = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/exports/public-key"))!;
        Assert.Equal(key["keyId"]!.GetValue<string>(), head["keyId"]!.GetValue<string>());

        var first = await export.ExportAsync(CancellationToken.None);
        var again = await export.ExportAsync(CancellationToken.None);
        Assert.Null(again); // nothing new since
        if (first is not null) Assert.Equal(first.LastId - first.FromId + 1, first.Hashes.Count);
        Assert.True(Directory.EnumerateFiles(App.HeadsPath, AuditHeadExport.Prefix + "*.json").Any());
    }

    /// <summary>What an attacker with the database would do: change one entry, then recompute every hash after it and the head.</summary>
    private static async Task RehashFromAsync(OknoDbContext db, long id, Func<AuditEntry, long?> newUser)
    {
        var previous = id == 1 ? "" : (await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == id - 1)).Hash;
        var rows = await db.AuditEntries.Where(e => e.Id >= id).OrderBy(e => e.Id).ToListAsync();
        foreach (var e in rows)
        {
            if (e.Id == id) db.Entry(e).Property(x => x.UserId).CurrentValue = newUser(e);
            db.Entry(e).Property(x => x.Hash).CurrentValue = AuditChain.HashOf(previous, e);
            previous = e.Hash;
        }
        await db.SaveChangesAsync();
        await db.AuditHeads.ExecuteUpdateAsync(s => s.SetProperty(h => h.Hash, previous));
    }
}

public sealed class SqliteAuditHeadTests(SqliteAuditHeadApp app) : AuditHeadTests<SqliteAuditHeadApp>(app);

public sealed class PostgresAuditHeadTests(PostgresAuditHeadApp app) : AuditHeadTests<PostgresAuditHeadApp>(app);
