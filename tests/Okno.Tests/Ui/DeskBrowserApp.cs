using Okno.Core.Data;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Ui;

/// <summary>The browser app with a short offline grace, so "the last tab closed → offline" shows within a test.</summary>
public abstract class DeskBrowserApp : BrowserOknoApp
{
    protected DeskBrowserApp() => Settings["Okno:Desk:OfflineGrace"] = "PT2S";
}

public sealed class SqliteDeskBrowserApp : DeskBrowserApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresDeskBrowserApp : DeskBrowserApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
