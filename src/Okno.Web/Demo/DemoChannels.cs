using Microsoft.EntityFrameworkCore;
using Okno.Core.Channels;
using Okno.Core.Data;
using Okno.Simulators;

namespace Okno.Web.Demo;

/// <summary>
/// One demo channel account per platform that has both a connector and a stand-in: created once, then on every
/// start pointed at the stand-ins' new address and set up exactly as a real channel is (webhook to our own URL).
/// </summary>
public sealed class DemoChannels(OknoDbContext db, ChannelDirectory directory, ChannelConnectors connectors, TimeProvider clock,
    ILogger<DemoChannels> log)
{
    public async Task<IReadOnlyList<DemoChannel>> EnsureAsync(SimulatorHost sim, string ownUrl, CancellationToken ct)
    {
        var result = new List<DemoChannel>();
        foreach (var platform in DemoPlatforms.All.Where(p => connectors.Supports(p.Kind)))
        {
            var account = await db.ChannelAccounts.FirstOrDefaultAsync(a => a.IsDemo && a.Kind == platform.Kind && !a.IsDeleted, ct);
            var settings = account is null ? platform.NewSettings() : directory.Unprotect(account.ProtectedSettings);
            settings["apiBaseUrl"] = sim.UrlOf(platform.SimulatorPrefix);
            var problems = connectors.For(platform.Kind).ValidateSettings(settings);
            if (problems.Count > 0)
            {
                log.LogWarning("Demo channel for {Kind} skipped: its settings are invalid ({Fields})", platform.Kind, string.Join(", ", problems.Keys));
                continue;
            }
            if (account is null)
            {
                account = new ChannelAccount(platform.Kind, platform.ChannelName, directory.Protect(settings), clock.GetUtcNow(), isDemo: true);
                db.ChannelAccounts.Add(account);
            }
            else account.ReplaceSettings(directory.Protect(settings));
            await db.SaveChangesAsync(ct);
            directory.Invalidate(account.Id);

            platform.Register(sim, settings, clock.GetUtcNow());
            var channel = new DemoChannel(account.Id, platform, settings, $"{ownUrl.TrimEnd('/')}/webhooks/{account.Id}");
            var setup = await connectors.For(platform.Kind).SetUpAsync(directory.ToEntry(account).Context, channel.WebhookUrl, ct);
            await platform.AfterSetUpAsync(sim, channel, ct);
            account.SetStatus(setup.Success ? ChannelStatus.Connected : ChannelStatus.NeedsAttention, setup.Error, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            directory.Invalidate(account.Id);
            result.Add(channel);
        }
        return result;
    }
}
