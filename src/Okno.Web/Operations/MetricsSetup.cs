using System.Net;
using Okno.Core.Telemetry;
using Okno.Web.Hosting;
using OpenTelemetry.Metrics;

namespace Okno.Web.Operations;

/// <summary>
/// <c>GET /metrics</c> in Prometheus format through OpenTelemetry: Okno's own meter (webhooks, ingest, outbox, queue),
/// ASP.NET Core's request durations, SignalR/Blazor connections and Kestrel. Answers loopback only unless
/// <c>Okno:Metrics:AllowFrom</c> lists more networks; <c>Okno:Metrics:Enabled=false</c> turns it off.
/// </summary>
public static class MetricsSetup
{
    private sealed record MetricsAccess(List<System.Net.IPNetwork> AllowFrom);

    public static void AddOknoMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OknoGauges>(); // the hub counts its connections even with metrics off
        if (!builder.Configuration.GetValue("Okno:Metrics:Enabled", true)) return;
        var allow = new List<System.Net.IPNetwork> { System.Net.IPNetwork.Parse("127.0.0.0/8"), System.Net.IPNetwork.Parse("::1/128") };
        foreach (var n in StartupChecks.List(builder.Configuration, "Okno:Metrics:AllowFrom"))
        {
            if (System.Net.IPNetwork.TryParse(n, out var net)) allow.Add(net);
            else if (IPAddress.TryParse(n, out var ip)) allow.Add(new System.Net.IPNetwork(ip, ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            else StartupChecks.Defer(builder, new StartupException("Okno:Metrics:AllowFrom", $"«{n}» — не сеть в записи CIDR (например 10.0.0.0/8).", $"'{n}' is not a network in CIDR form (e.g. 10.0.0.0/8)."));
        }
        builder.Services.AddSingleton(new MetricsAccess(allow));
        builder.Services.AddOpenTelemetry().WithMetrics(m => m
            .AddAspNetCoreInstrumentation()
            .AddMeter(OknoMetrics.MeterName, OknoGauges.MeterName, "Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
    }

    public static void MapOknoMetrics(this WebApplication app)
    {
        if (app.Services.GetService<MetricsAccess>() is not { } access) return;
        app.Services.GetRequiredService<OknoGauges>().Start();
        // Anyone else gets the 404 of a path that does not exist.
        app.UseOpenTelemetryPrometheusScrapingEndpoint(ctx => ctx.Request.Path == "/metrics" && Allowed(ctx.Connection.RemoteIpAddress, access));
    }

    private static bool Allowed(IPAddress? remote, MetricsAccess access)
    {
        if (remote is null) return true; // in-process (tests): no network at all
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        return access.AllowFrom.Any(n => n.Contains(remote));
    }
}
