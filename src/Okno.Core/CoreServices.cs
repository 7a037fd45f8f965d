using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Okno.Core.Channels;
using Okno.Core.Contacts;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Events;
using Okno.Core.Files;
using Okno.Core.Messages;

namespace Okno.Core;

public static class CoreServices
{
    /// <summary>Storage, the inbound pipeline with its group-commit writer, the outbox and the event bus.</summary>
    public static IServiceCollection AddOknoCore(this IServiceCollection services, DatabaseOptions database, string filesRoot)
    {
        services.AddSingleton(database);
        services.AddDbContext<OknoDbContext>(o => OknoDatabase.Configure(o, database));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<EventBus>();
        services.AddSingleton<ILiveEvents>(sp => sp.GetRequiredService<EventBus>());
        services.AddSingleton<Audit.AuditLog>();
        services.AddSingleton<ChannelDirectory>();
        services.AddSingleton<ChannelConnectors>();
        services.AddSingleton<IFileStore>(sp => new LocalFileStore(filesRoot, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<Leases.NodeIdentity>();
        services.TryAddSingleton(new Leases.LeaseOptions());
        services.AddSingleton<Leases.LeaseStore>();
        services.AddSingleton<Leases.LeasedLoop>();
        services.TryAddSingleton(new OutboxOptions());
        services.AddScoped<ContactResolver>();
        services.AddScoped<InboundProcessor>();
        services.AddScoped<OutboxHandler>();
        services.AddScoped<ReplyRoutes>();
        services.AddScoped<SendReply>();
        services.AddScoped<Quality.QualityRules>();
        services.AddScoped<Reviews.ReviewQueue>();
        services.AddScoped<Csat.CsatSurvey>();
        services.AddScoped<MergeContacts>();
        services.AddScoped<Privacy.ContactErase>();
        services.AddScoped<IChannelStateStore, ChannelStateStore>();
        services.AddSingleton<IngestWriter>();
        services.AddSingleton<IInboundSink>(sp => sp.GetRequiredService<IngestWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<IngestWriter>());
        services.AddSingleton<OutboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        // Media downloads in their own worker: a slow or huge file never holds up a reply.
        services.AddSingleton<IHostedService>(sp => new OutboxWorker(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<OutboxSignal>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<OutboxWorker>>(), sp.GetRequiredService<OutboxOptions>()) { Lane = OutboxLane.Media });
        services.AddSingleton<ReturnScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReturnScheduler>());
        services.TryAddSingleton(new Desk.DeskOptions());
        services.AddSingleton<Desk.DeskSignal>();
        services.AddScoped<Desk.PresenceService>();
        services.AddScoped<Desk.DeskRouter>();
        services.AddScoped<Desk.AutoTransfer>();
        services.AddScoped<Desk.SlaClock>();
        services.AddScoped<Desk.QueueNotices>();
        services.AddSingleton<Desk.DeskScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<Desk.DeskScheduler>());
        services.AddSingleton<Search.SearchIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<Search.SearchIndexer>());
        services.AddSingleton<Reports.RequestMetricsQueue>();
        services.AddScoped<Reports.RequestMetricsUpdater>();
        services.AddSingleton<Reports.RequestMetricsWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<Reports.RequestMetricsWorker>());
        return services;
    }
}
