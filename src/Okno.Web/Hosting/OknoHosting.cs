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
            Provider = builder.Configuration.GetValue("Okno:Database:Provider", DatabaseProvider.Sqlite),
            ConnectionString = builder.Configuration.GetConnectionString("Okno")
                ?? $"Data Source={Path.Combine(options.DataPath, "okno.db")}",
        };
        builder.Services.AddHostedService<DatabaseInitializer>();
        // A crashed node's claimed outbox rows are retried after this (default 120 s; the durability harness shortens it).
        builder.Services.AddSingleton(new OutboxOptions { Claim = TimeSpan.FromSeconds(Math.Clamp(builder.Configuration.GetValue("Okno:Outbox:ClaimSeconds", 120), 1, 3600)) });
        builder.Services.AddOknoCore(database, Path.Combine(options.DataPath, "files"));
        // Channel secrets and widget tokens are encrypted with this key ring. On PostgreSQL the keys live in the
        // database, so every node of a cluster shares them; a folder can still be named explicitly.
        var protection = builder.Services.AddDataProtection().SetApplicationName("Okno");
        var keysPath = builder.Configuration["Okno:DataProtection:KeysPath"];
        if (string.IsNullOrEmpty(keysPath) && database.Provider == DatabaseProvider.Postgres)
            protection.PersistKeysToDbContext<OknoDbContext>();
        else
            protection.PersistKeysToFileSystem(new DirectoryInfo(string.IsNullOrEmpty(keysPath) ? Path.Combine(options.DataPath, "keys") : keysPath));

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

    public static void MapOperations(this WebApplication app)
    {
        app.MapGet("/healthz", async (OknoDbContext db, CancellationToken ct) =>
            await db.Database.CanConnectAsync(ct) ? Results.Text("ok") : Results.Problem("database unavailable", statusCode: 503))
            .ExcludeFromDescription();
    }
}
