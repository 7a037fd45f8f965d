using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Messages;

namespace Okno.Web.Operations;

/// <summary>
/// <c>GET /readyz</c>: 200 <c>{ "status": "ready", … }</c> when the database answers, every migration is applied and the
/// ingest writer and the outbox worker run; 503 with the reasons otherwise. <c>/healthz</c> only says the process is alive.
/// </summary>
public static class Readiness
{
    public sealed record Check(string Name, bool Ok, string? Reason);

    public sealed record Report(string Status, IReadOnlyList<Check> Checks, IReadOnlyList<string> Reasons);

    public static void MapReadiness(this WebApplication app)
    {
        app.MapGet("/readyz", async (OknoDbContext db, IngestWriter writer, OutboxWorker outbox, CancellationToken ct) =>
        {
            var checks = new List<Check>();
            var reachable = false;
            try { reachable = await db.Database.CanConnectAsync(ct); }
            catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException) { }
            checks.Add(new Check("database", reachable, reachable ? null : "база данных недоступна / the database is not reachable"));
            if (reachable)
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
                checks.Add(new Check("migrations", pending.Count == 0, pending.Count == 0 ? null : $"не применены миграции / migrations not applied: {string.Join(", ", pending)}"));
            }
            checks.Add(Running("ingestWriter", writer, "приём сообщений остановлен / the ingest writer is not running"));
            checks.Add(Running("outboxWorker", outbox, "отправка остановлена / the outbox worker is not running"));
            var reasons = checks.Where(c => !c.Ok).Select(c => c.Reason!).ToList();
            var report = new Report(reasons.Count == 0 ? "ready" : "not ready", checks, reasons);
            return reasons.Count == 0 ? Results.Json(report) : Results.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).ExcludeFromDescription().AllowAnonymous();
    }

    private static Check Running(string name, BackgroundService service, string reason)
    {
        var ok = service.ExecuteTask is { IsCompleted: false };
        return new Check(name, ok, ok ? null : reason);
    }
}
