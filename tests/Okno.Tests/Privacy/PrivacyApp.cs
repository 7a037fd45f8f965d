using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Okno.Core.Data;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Privacy;

/// <summary>Okno with a fake clock: TOTP steps, token expiry and retention move only when a test says so.</summary>
public abstract class PrivacyApp : OknoApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class SqlitePrivacyApp : PrivacyApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresPrivacyApp : PrivacyApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
