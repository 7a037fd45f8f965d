using Microsoft.AspNetCore.Hosting;
using Okno.Core.Data;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Demo;

/// <summary>Okno with Okno:Demo=true on a real Kestrel port: the stand-ins post webhooks back to it over HTTP.</summary>
public abstract class DemoOknoApp : OknoApp
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (Unavailable is not null) return;
        UseKestrel(0);
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Okno:Demo", "true");
        builder.UseSetting("Okno:DemoAnswerChance", "1"); // clients always write back: the test can wait for it
        builder.UseSetting("Okno:DemoPace", "0.2"); // a new client message every 2–6 s instead of 10–30 s
    }
}

public sealed class DemoSqliteOknoApp : DemoOknoApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class DemoPostgresOknoApp : DemoOknoApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
