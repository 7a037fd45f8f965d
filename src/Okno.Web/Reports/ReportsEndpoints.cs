using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Audit;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Web.Audit;
using Okno.Web.Auth;

namespace Okno.Web.Reports;

/// <summary>
/// Reports (issue 13.1–13.5): GET /api/v1/reports/summary, /requests (JSON, CSV, XLSX), /live — for the roles
/// <see cref="Okno.Core.Operators.UserRoles.ReadsReports"/> names. Every export is audited with its row count.
/// </summary>
public static class ReportsEndpoints
{
    private static readonly string[] SummaryFormats = ["json"];
    private static readonly string[] RequestFormats = ["json", "csv", "xlsx"];

    public static void AddReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SummaryQueries>();
        builder.Services.AddScoped<RequestQueries>();
        builder.Services.AddScoped<LiveQueries>();
    }

    public static void MapReports(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization(AuthSetup.ReportsPolicy);
        group.MapGet("/summary", SummaryAsync);
        group.MapGet("/requests", RequestsAsync);
        group.MapGet("/live", async (LiveQueries q, HttpContext ctx) => TypedResults.Ok(await q.LoadAsync(ctx.RequestAborted)));
    }

    private static async Task<Results<Ok<SummaryReport>, ValidationProblem>> SummaryAsync([AsParameters] ReportFilter filter, SummaryQueries q, TimeProvider clock, HttpContext ctx)
    {
        if (filter.Problems(clock.GetUtcNow(), groupRequired: true, SummaryFormats) is { Count: > 0 } problems) return TypedResults.ValidationProblem(problems);
        return TypedResults.Ok(await q.LoadAsync(filter, CurrentUser.From(ctx.User), ctx.RequestAborted));
    }

    private static async Task<IResult> RequestsAsync([AsParameters] ReportFilter filter, RequestQueries q, OknoDbContext db, BusinessTime zone,
        AuditTrail audit, TimeProvider clock, HttpContext ctx)
    {
        var now = clock.GetUtcNow();
        if (filter.Problems(now, groupRequired: false, RequestFormats) is { Count: > 0 } problems) return TypedResults.ValidationProblem(problems);
        var me = CurrentUser.From(ctx.User);
        var format = filter.Format?.ToLowerInvariant() ?? "json";
        if (format == "json") return TypedResults.Ok(await q.PageAsync(filter, me, ctx.RequestAborted));

        var ct = ctx.RequestAborted;
        var total = await (await filter.ApplyAsync(db, me, zone, now, ct)).CountAsync(ct);
        var response = ctx.Response;
        response.Headers["X-Okno-Rows"] = total.ToString(CultureInfo.InvariantCulture);
        var stamp = zone.Local(now).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        int rows;
        if (format == "csv")
        {
            response.ContentType = "text/csv; charset=utf-8";
            response.Headers.ContentDisposition = $"attachment; filename=\"okno-requests-{stamp}.csv\"";
            rows = await ReportExports.CsvAsync(q.StreamAsync(filter, me, ct), zone, response.Body, filter.Separator is ";" ? ';' : ',', ct);
        }
        else
        {
            var path = Path.Combine(Path.GetTempPath(), "okno-export-" + Guid.NewGuid().ToString("N") + ".xlsx");
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
            var source = await q.StreamSyncAsync(filter, me, ct);
            rows = await Task.Run(() => ReportExports.Xlsx(source, zone, file), ct);
            file.Position = 0;
            response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            response.Headers.ContentDisposition = $"attachment; filename=\"okno-requests-{stamp}.xlsx\"";
            response.ContentLength = file.Length;
            await file.CopyToAsync(response.Body, ct);
        }
        await audit.RecordAsync(AuditActions.Export, AuditObjects.Export, "requests",
            $"rows={rows.ToString(CultureInfo.InvariantCulture)};format={format}", CancellationToken.None);
        return TypedResults.Empty;
    }
}
