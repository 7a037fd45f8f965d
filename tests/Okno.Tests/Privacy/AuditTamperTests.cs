using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Core.Data;
using Okno.Tests.Infrastructure;
using Okno.Tests.Security;

namespace Okno.Tests.Privacy;

/// <summary>Issue 15.2: an audit row edited directly in the database (no code path does it) is found by verify.</summary>
public abstract class AuditTamperTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableFact]
    public async Task Verify_AfterOneRowEditedInTheDatabase_ReportsThatId()
    {
        for (var i = 0; i < 4; i++) await SecurityKit.CreateUserAsync(App, "operator");
        var before = await PrivacyKit.VerifyAsync(App);
        Assert.True(before["ok"]!.GetValue<bool>(), before.ToJsonString());
        var entries = before["entries"]!.GetValue<long>();
        Assert.True(entries >= 4);
        var victim = entries - 2;

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
            Assert.Equal(1, await db.AuditEntries.Where(e => e.Id == victim).ExecuteUpdateAsync(s => s.SetProperty(e => e.UserId, (long?)424242)));
        }

        var after = await PrivacyKit.VerifyAsync(App);
        Assert.False(after["ok"]!.GetValue<bool>());
        Assert.Equal(victim, after["firstBrokenId"]!.GetValue<long>());
    }
}

public sealed class SqliteAuditTamperTests(SqliteOknoApp app) : AuditTamperTests<SqliteOknoApp>(app);

public sealed class PostgresAuditTamperTests(PostgresOknoApp app) : AuditTamperTests<PostgresOknoApp>(app);
