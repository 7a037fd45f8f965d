using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Okno.Core.Audit;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Operators;
using Okno.Core.Privacy;
using Okno.Web.Audit;
using Okno.Web.Auth;
using Okno.Web.Conversations;
using Okno.Web.Hosting;

namespace Okno.Web.Privacy;

/// <summary>
/// Data-subject requests (152-ФЗ) and evidence: a client's archive, erasure (refused under a legal hold), the consent
/// register, a conversation's signed export for court and its verification (docs/decisions/0024).
/// </summary>
public static class PrivacyEndpoints
{
    /// <summary>The largest archive POST /api/v1/exports/verify reads.</summary>
    public const long MaxVerifyBytes = 1024L * 1024 * 1024;

    public static void AddPrivacy(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ExportSigner>();
        builder.Services.AddScoped<ExportData>();
        builder.Services.AddScoped<ContactArchive>();
        builder.Services.AddScoped<CourtExport>();
    }

    public static void MapPrivacy(this WebApplication app)
    {
        var contacts = app.MapGroup("/api/v1/contacts/{id:long}").WithTags("Privacy").RequireAuthorization();
        contacts.MapGet("/export", ExportContactAsync).RequireAuthorization(AuthSetup.ManagerPolicy);
        contacts.MapPost("/erase", EraseAsync).RequireAuthorization(AuthSetup.AdminPolicy);
        contacts.MapGet("/consents", ConsentsAsync);
        contacts.MapPost("/consents/{consentId:long}/withdraw", WithdrawAsync);

        app.MapGet("/api/v1/conversations/{id:long}/export/court", ExportCourtAsync).WithTags("Privacy").RequireAuthorization(AuthSetup.ManagerPolicy);
        var exports = app.MapGroup("/api/v1/exports").WithTags("Privacy").RequireAuthorization();
        exports.MapGet("/public-key", async (ExportSigner signer, CancellationToken ct) => TypedResults.Ok(await signer.PublicKeyAsync(ct)));
        exports.MapPost("/verify", VerifyAsync).WithMetadata(new BodyLimit(MaxVerifyBytes));
    }

    private static IResult Forbidden(string what) =>
        TypedResults.Problem($"Вашей роли это не разрешено: {what}. / Your role may not do this.", statusCode: StatusCodes.Status403Forbidden, title: "Нет права");

    private static async Task<IResult> ExportContactAsync(long id, HttpContext ctx, ContactArchive archive, AuditTrail audit)
    {
        var user = CurrentUser.From(ctx.User);
        if (!user.Role.ExportsClientData()) return Forbidden("выгрузка данных клиента");
        var file = ExportData.TempFile();
        try
        {
            var rows = await archive.WriteAsync(id, user, file, ctx.RequestAborted);
            await audit.RecordAsync(AuditActions.Export, AuditObjects.Contact, AuditChain.Id(id), "rows=" + rows.ToString(CultureInfo.InvariantCulture) + " archive=contact", ctx.RequestAborted);
            file.Position = 0;
            return TypedResults.File(file, "application/zip", $"okno-client-{id}.zip");
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static async Task<IResult> ExportCourtAsync(long id, HttpContext ctx, CourtExport export, AuditTrail audit)
    {
        var user = CurrentUser.From(ctx.User);
        if (!user.Role.ExportsClientData()) return Forbidden("выгрузка переписки");
        var file = ExportData.TempFile();
        try
        {
            var (messages, files) = await export.WriteAsync(id, user, file, ctx.RequestAborted);
            await audit.RecordAsync(AuditActions.Export, AuditObjects.Conversation, AuditChain.Id(id),
                $"rows={(messages + files).ToString(CultureInfo.InvariantCulture)} archive=court", ctx.RequestAborted);
            file.Position = 0;
            return TypedResults.File(file, "application/zip", $"okno-conversation-{id}-court.zip");
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static async Task<IResult> EraseAsync(long id, HttpContext ctx, ContactErase erase, AuditTrail audit)
    {
        if (!CurrentUser.From(ctx.User).Role.ErasesClientData()) return Forbidden("удаление данных клиента");
        try
        {
            var result = await erase.ExecuteAsync(id, ctx.RequestAborted);
            await audit.RecordAsync(PrivacyAudit.Erase, AuditObjects.Contact, AuditChain.Id(id), EraseDetail(result), ctx.RequestAborted);
            return TypedResults.Ok(result);
        }
        catch (ContactHeldException held)
        {
            return TypedResults.Problem(held.Message, statusCode: StatusCodes.Status409Conflict, title: "Действует запрет на удаление",
                extensions: new Dictionary<string, object?> { ["legalHoldId"] = held.HoldId });
        }
    }

    public static string EraseDetail(EraseResult r) => string.Create(CultureInfo.InvariantCulture,
        $"conversations={r.Conversations} messages={r.Messages} files={r.Files} identities={r.Identities} notes={r.Notes} labels={r.Labels} logs={r.Logs}");

    private static async Task<Results<Ok<ItemsOf<ConsentDto>>, NotFound>> ConsentsAsync(long id, HttpContext ctx, OknoDbContext db)
    {
        var user = CurrentUser.From(ctx.User);
        if (!await ConversationAccess.CanSeeContactAsync(db, id, user.Id, user.Role, ctx.RequestAborted)) return TypedResults.NotFound();
        return TypedResults.Ok(new ItemsOf<ConsentDto>(await ConsentQueries.ForContactAsync(db, id, ctx.RequestAborted)));
    }

    private static async Task<Results<Ok<ConsentDto>, NotFound>> WithdrawAsync(long id, long consentId, HttpContext ctx, OknoDbContext db, AuditTrail audit, TimeProvider clock)
    {
        var user = CurrentUser.From(ctx.User);
        if (!await ConversationAccess.CanSeeContactAsync(db, id, user.Id, user.Role, ctx.RequestAborted)) return TypedResults.NotFound();
        var (consent, changed) = await ConsentQueries.WithdrawAsync(db, id, consentId, user.Id, clock.GetUtcNow(), ctx.RequestAborted);
        if (consent is null) return TypedResults.NotFound();
        if (changed) await audit.RecordAsync(PrivacyAudit.ConsentWithdrawn, AuditObjects.Contact, AuditChain.Id(id), "consent=" + consentId.ToString(CultureInfo.InvariantCulture), ctx.RequestAborted);
        return TypedResults.Ok(consent);
    }

    /// <summary>The archive as the body (application/zip) or as the "file" field of a form.</summary>
    private static async Task<IResult> VerifyAsync(HttpContext ctx, OknoDbContext db, CancellationToken ct)
    {
        await using var copy = ExportData.TempFile();
        if (ctx.Request.HasFormContentType)
        {
            var form = await ctx.Request.ReadFormAsync(ct);
            if (form.Files.GetFile("file") is not { Length: > 0 } file)
                return TypedResults.Problem("Приложите архив выгрузки в поле file. / Attach the export in the 'file' field.", statusCode: 400, title: "Нет файла");
            await using var s = file.OpenReadStream();
            await s.CopyToAsync(copy, ct);
        }
        else await ctx.Request.Body.CopyToAsync(copy, ct);
        if (copy.Length == 0) return TypedResults.Problem("Пришлите архив выгрузки (application/zip) в теле запроса. / Send the export as the body.", statusCode: 400, title: "Нет файла");
        copy.Position = 0;
        return TypedResults.Ok(await ExportVerifier.VerifyAsync(copy, await ExportSigner.KnownKeyIdsAsync(db, ct), ct));
    }
}
