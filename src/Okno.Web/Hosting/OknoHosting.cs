using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Okno.Core;
using Okno.Core.Data;
using Okno.Core.Messages;
using Scalar.AspNetCore;

namespace Okno.Web.Hosting;

public static class OknoHosting
{
    public const long WebhookBodyLimit = 1024 * 1024;

    /// <summary>Configuration, storage, the pipeline, JSON, ProblemDetails, OpenAPI.</summary>
    public static void AddOknoHosting(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Okno").Get<OknoOptions>() ?? new OknoOptions();
        builder.Services.AddSingleton(options);
        var database = new DatabaseOptions
        {
            Provider = ProviderOf(builder),
            ConnectionString = builder.Configuration.GetConnectionString("Okno")
                ?? $"Data Source={Path.Combine(options.DataPath, "okno.db")}",
        };
        builder.AddOknoForwardedHeaders();
        builder.Services.AddHostedService<DatabaseInitializer>();
        // A crashed node's claimed outbox rows are retried after this (default 120 s; the durability harness shortens it).
        // Media downloads: the default size cap (a channel's "maxMediaMb" overrides it) and the whole download's deadline.
        builder.Services.AddSingleton(new OutboxOptions
        {
            Claim = TimeSpan.FromSeconds(Math.Clamp(builder.Configuration.GetValue("Okno:Outbox:ClaimSeconds", 120), 1, 3600)),
            MediaMaxBytes = Math.Clamp(builder.Configuration.GetValue("Okno:Media:MaxMb", 50), 1, 2048) * 1024L * 1024L,
            MediaDeadline = TimeSpan.FromSeconds(Math.Clamp(builder.Configuration.GetValue("Okno:Media:DeadlineSeconds", 120), 5, 3600)),
        });
        // How long a node owns a poller or scheduler without renewing it; another node takes over after this.
        builder.Services.AddSingleton(new Okno.Core.Leases.LeaseOptions
        {
            Duration = TimeSpan.FromSeconds(Math.Clamp(builder.Configuration.GetValue("Okno:Leases:Seconds", 30), 3, 600)),
        });
        builder.Services.AddOknoCore(database, Path.Combine(options.DataPath, "files"));
        builder.AddOknoDataProtection(database, options);

        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<DomainExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpClientDefaults(b => b.RemoveAllLoggers()); // request URLs can carry tokens
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 32 * 1024 * 1024);
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(20));
    }

    public static void UseOknoHosting(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.WarnIfKeysUnprotected();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        BodyLimit.UseBodyLimits(app);
        // The API's map is a gift to an attacker: behind sign-in unless the firm chooses to publish it.
        var docs = new[] { app.MapOpenApi(), app.MapScalarApiReference() };
        if (!app.Configuration.GetValue("Okno:Api:PublicDocs", false))
            foreach (var d in docs) d.RequireAuthorization();
    }

    private static DatabaseProvider ProviderOf(WebApplicationBuilder builder)
    {
        var text = builder.Configuration["Okno:Database:Provider"];
        if (string.IsNullOrEmpty(text)) return DatabaseProvider.Sqlite;
        if (Enum.TryParse<DatabaseProvider>(text, ignoreCase: true, out var provider) && Enum.IsDefined(provider) && !char.IsDigit(text[0])) return provider;
        StartupChecks.Defer(builder, new StartupException("Okno:Database:Provider",
            $"Неизвестная база «{text}»: укажите Sqlite или Postgres.", $"Unknown database '{text}': use Sqlite or Postgres."));
        return DatabaseProvider.Sqlite;
    }

    public static void MapOperations(this WebApplication app)
    {
        Operations.OperationsSetup.MapOperationsEndpoints(app);
        app.MapGet("/healthz", async (OknoDbContext db, CancellationToken ct) =>
            await db.Database.CanConnectAsync(ct) ? Results.Text("ok") : Results.Problem("database unavailable", statusCode: 503))
            .ExcludeFromDescription();
    }
}
