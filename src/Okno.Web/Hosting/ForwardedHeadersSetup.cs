using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Okno.Web.Hosting;

/// <summary>
/// Behind nginx: X-Forwarded-For and X-Forwarded-Proto are honoured from the proxies in <c>Okno:KnownProxies</c>
/// (addresses) and <c>Okno:KnownNetworks</c> (CIDR), from loopback when neither is set, and from nobody else. So the
/// per-IP limits see the client, cookies are <c>Secure</c> behind TLS and generated URLs carry https.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static void AddOknoForwardedHeaders(this WebApplicationBuilder builder)
    {
        var proxies = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var p in StartupChecks.List(builder.Configuration, "Okno:KnownProxies"))
        {
            if (IPAddress.TryParse(p, out var ip)) proxies.Add(ip);
            else StartupChecks.Defer(builder, new StartupException("Okno:KnownProxies", $"«{p}» — не IP-адрес.", $"'{p}' is not an IP address."));
        }
        foreach (var n in StartupChecks.List(builder.Configuration, "Okno:KnownNetworks"))
        {
            if (System.Net.IPNetwork.TryParse(n, out var net)) networks.Add(net);
            else StartupChecks.Defer(builder, new StartupException("Okno:KnownNetworks", $"«{n}» — не сеть в записи CIDR (например 10.0.0.0/8).", $"'{n}' is not a network in CIDR form (e.g. 10.0.0.0/8)."));
        }
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            if (proxies.Count == 0 && networks.Count == 0) return; // the defaults: 127.0.0.0/8 and ::1
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var ip in proxies) o.KnownProxies.Add(ip);
            foreach (var net in networks) o.KnownIPNetworks.Add(net);
        });
    }
}
