using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Okno.Simulators.Avito;
using Okno.Simulators.GreenApi;
using Okno.Simulators.Max;
using Okno.Simulators.Telegram;
using Okno.Simulators.Vk;
using Okno.Simulators.Waha;
using Okno.Simulators.WhatsAppCloud;

namespace Okno.Simulators;

/// <summary>
/// The platforms' stand-ins on one loopback port, each under its own prefix (/telegram, …).
/// Tests, demo mode and the benchmark all start it the same way.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };
    public TelegramSimulator Telegram { get; }
    public WhatsAppCloudSimulator WhatsAppCloud { get; }
    public GreenApiSimulator GreenApi { get; }
    public WahaSimulator Waha { get; }
    public VkSimulator Vk { get; }
    public MaxSimulator Max { get; }
    public AvitoSimulator Avito { get; }

    private SimulatorHost()
    {
        Telegram = new TelegramSimulator(Http);
        WhatsAppCloud = new WhatsAppCloudSimulator(Http);
        GreenApi = new GreenApiSimulator(Http);
        Waha = new WahaSimulator(Http);
        Vk = new VkSimulator(Http);
        Max = new MaxSimulator(Http);
        // One line per platform: each stand-in maps itself under its prefix.
        Avito = new AvitoSimulator(Http);
        All = [Telegram, WhatsAppCloud, GreenApi, Waha, Vk, Max, Avito];
    }

    public IReadOnlyList<ISimulator> All { get; }

    /// <summary>The apiBaseUrl a channel of that platform should be given.</summary>
    public string UrlOf(string platform) => $"{BaseUrl}/{platform}";

    public static async Task<SimulatorHost> StartAsync(int port = 0)
    {
        var host = new SimulatorHost();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Limits.MaxRequestBodySize = 64 * 1024 * 1024);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        foreach (var sim in host.All) sim.Map(app.MapGroup("/" + sim.Prefix));
        await app.StartAsync();
        host._app = app;
        host.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        foreach (var sim in host.All) sim.BaseUrl = host.UrlOf(sim.Prefix);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Http.Dispose();
    }
}
