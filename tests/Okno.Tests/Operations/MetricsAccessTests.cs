using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Okno.Core.Data;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Operations;

/// <summary>
/// Who may scrape /metrics, on a real port: loopback by default; a client behind the (loopback) proxy is not loopback,
/// so it is refused unless Okno:Metrics:AllowFrom names its network; Okno:Metrics:Enabled=false turns it off.
/// </summary>
public sealed class MetricsAccessTests
{
    private sealed class PortApp : OknoApp
    {
        protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
        public string Url { get; private set; } = "";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            UseKestrel(0);
            StartServer();
            Url = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
                .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        }
    }

    private static async Task<(HttpStatusCode Direct, HttpStatusCode Forwarded)> ScrapeAsync(params (string Key, string Value)[] settings)
    {
        var app = new PortApp();
        foreach (var (k, v) in settings) app.Settings[k] = v;
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            using var http = new HttpClient();
            var direct = (await http.GetAsync(app.Url + "/metrics")).StatusCode;
            using var request = new HttpRequestMessage(HttpMethod.Get, app.Url + "/metrics");
            request.Headers.Add("X-Forwarded-For", "203.0.113.5");
            var forwarded = (await http.SendAsync(request)).StatusCode;
            return (direct, forwarded);
        }
        finally { await ((IAsyncLifetime)app).DisposeAsync(); }
    }

    [Fact]
    public async Task Metrics_Default_LoopbackOnly()
    {
        var (direct, forwarded) = await ScrapeAsync();
        Assert.Equal(HttpStatusCode.OK, direct);
        Assert.Equal(HttpStatusCode.NotFound, forwarded);
    }

    [Fact]
    public async Task Metrics_AllowFromNetwork_WidensAccess()
    {
        var (_, forwarded) = await ScrapeAsync(("Okno:Metrics:AllowFrom:0", "203.0.113.0/24"));
        Assert.Equal(HttpStatusCode.OK, forwarded);
    }

    [Fact]
    public async Task Metrics_Disabled_NotServed()
    {
        var (direct, _) = await ScrapeAsync(("Okno:Metrics:Enabled", "false"));
        Assert.Equal(HttpStatusCode.NotFound, direct);
    }
}
