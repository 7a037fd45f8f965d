using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Okno.Core.Data;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.OutgoingWebhooks;

/// <summary>
/// Okno with a fake clock that starts at the real time (a receiver verifying Standard Webhooks checks the timestamp
/// against its own clock) and private targets allowed, so a loopback receiver can be reached.
/// </summary>
public abstract class WebhooksApp : OknoApp
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected WebhooksApp() => Settings["Okno:Webhooks:AllowPrivateNetworks"] = "true";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class SqliteWebhooksApp : WebhooksApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresWebhooksApp : WebhooksApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
