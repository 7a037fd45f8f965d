using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Okno.Core.Data;

namespace Okno.Tests.Infrastructure;

/// <summary>Okno on SQLite served by Kestrel on a real loopback port, so a real browser can reach it.</summary>
public sealed class KestrelOknoApp : OknoApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>http://127.0.0.1:port of the running server.</summary>
    public string ServerUrl { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(0);
        StartServer();
        ServerUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }
}
