using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Audit;
using Okno.Core.Data;
using Okno.Web.Auth;

namespace Okno.Web.Audit;

/// <summary>GET /api/v1/audit (filters, cursor), /verify (the chain and the exported heads), /head (signed), /export.csv — administrators and supervisors.</summary>
public static class AuditEndpoints
{
    public sealed record AuditItem(long Id, DateTimeOffset At, long? UserId, string Action, string? ObjectType, string? ObjectId, string? Ip, string Hash, string? Detail);
    public sealed record AuditPage(IReadOnlyList<AuditItem> Items, string? NextCursor);
    /// <summary>With exported heads: <c>exportedHeads</c> is how many files the chain was also checked against.</summary>
    public sealed record VerifyResult(bool Ok, long Entries, long? FirstBrokenId, int ExportedHeads);

    public static void AddAudit(this WebApplicationBuilder builder)
    {
        var minutes = builder.Configuration.GetValue("Okno:Audit:ReadWindowMinutes", 10);
        builder.Services.AddSingleton(new AuditOptions(TimeSpan.FromMinutes(Math.Max(0, minutes))));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AuditActor>();
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddScoped<AuditQueries>();
        builder.Services.AddSingleton(new AuditHeadOptions(builder.Configuration["Okno:Audit:HeadExportPath"]));
        builder.Services.AddSingleton<AuditHeadExport>();
        builder.Services.AddHostedService<AuditHeadScheduler>();
    }

    public static void MapAudit(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(AuthSetup.ManagerPolicy);
        group.MapGet("/", ListAsync);
        group.MapGet("/verify", async (OknoDbContext db, AuditHeadExport heads, HttpContext ctx) => TypedResults.Ok(await VerifyAsync(db, heads, ctx.RequestAborted)));
        group.MapGet("/head", async (AuditHeadExport heads, CancellationToken ct) => TypedResults.Ok(await heads.CurrentAsync(ct)));
        group.MapGet("/export.csv", ExportAsync);
    }

    /// <summary>The chain walked, then compared with the exported heads: an entry edited and the chain re-hashed after it passes the walk, not the heads.</summary>
    public static async Task<VerifyResult> VerifyAsync(OknoDbContext db, AuditHeadExport heads, CancellationToken ct)
    {
        var v = await AuditChain.VerifyAsync(db, ct);
        var (exported, brokenByHeads) = await heads.CheckAsync(db, ct);
        var first = (v.FirstBrokenId, brokenByHeads) switch { ({ } a, { } b) => Math.Min(a, b), var (a, b) => a ?? b };
        return new VerifyResult(first is null, v.Entries, first, exported);
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> ListAsync([AsParameters] AuditFilter filter, AuditQueries audit, HttpContext ctx)
    {
        if (filter.Problems() is { Count: > 0 } problems) return TypedResults.ValidationProblem(problems);
        return TypedResults.Ok(await audit.PageAsync(filter, ctx.RequestAborted));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync([AsParameters] AuditFilter filter, AuditQueries audit, AuditTrail trail, HttpContext ctx)
    {
        if (filter.Problems() is { Count: > 0 } problems) return TypedResults.ValidationProblem(problems);
        var (csv, rows) = await audit.CsvAsync(filter, ctx.RequestAborted);
        await trail.RecordAsync(AuditActions.Export, AuditObjects.Export, "audit", "rows=" + rows.ToString(CultureInfo.InvariantCulture), ctx.RequestAborted);
        return TypedResults.File(csv, "text/csv; charset=utf-8", "okno-audit.csv");
    }
}

/// <summary>The audit list's filters, as the query string gives them.</summary>
public sealed record AuditFilter(long? UserId, string? ObjectType, string? ObjectId, string? Action, DateTimeOffset? From, DateTimeOffset? To, string? Cursor, int? Limit)
{
    public Dictionary<string, string[]> Problems()
    {
        var errors = new Dictionary<string, string[]>();
        if (ObjectType is { Length: > 0 } t && !AuditObjects.All.Contains(t))
            errors["objectType"] = ["Тип объекта: " + string.Join(", ", AuditObjects.All) + "."];
        if (Cursor is { Length: > 0 } c && !long.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out _)) errors["cursor"] = ["Неверный курсор."];
        if (ObjectId is { Length: > 64 }) errors["objectId"] = ["Слишком длинный objectId."];
        if (Action is { Length: > 64 }) errors["action"] = ["Слишком длинное действие."];
        if (From is { } f && To is { } to && f > to) errors["from"] = ["from позже to."];
        return errors;
    }

    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> q)
    {
        if (UserId is { } u) q = q.Where(e => e.UserId == u);
        if (ObjectType is { Length: > 0 } t) q = q.Where(e => e.ObjectType == t);
        if (ObjectId is { Length: > 0 } o) q = q.Where(e => e.ObjectId == o);
        if (Action is { Length: > 0 } a) q = q.Where(e => e.Action == a);
        if (From is { } f) { var from = f.ToUniversalTime(); q = q.Where(e => e.At >= from); }
        if (To is { } t2) { var to = t2.ToUniversalTime(); q = q.Where(e => e.At <= to); }
        if (Cursor is { Length: > 0 } c) { var before = long.Parse(c, CultureInfo.InvariantCulture); q = q.Where(e => e.Id < before); }
        return q;
    }
}
