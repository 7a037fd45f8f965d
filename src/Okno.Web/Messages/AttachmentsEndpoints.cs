using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Files;
using Okno.Core.Operators;
using Okno.Web.Auth;

namespace Okno.Web.Messages;

public static class AttachmentsEndpoints
{
    /// <summary>A client's file must never run as active content in Okno's origin, whatever its name or declared type.</summary>
    public const string FileCsp = "sandbox; default-src 'none'";

    public static void MapAttachments(this WebApplication app)
    {
        app.MapGet("/api/v1/attachments/{id:long}", async (long id, HttpContext ctx, OknoDbContext db, IFileStore files) =>
        {
            var user = CurrentUser.From(ctx.User);
            var found = await (from a in db.Attachments
                               join m in db.Messages on a.MessageId equals m.Id
                               join c in db.Conversations on m.ConversationId equals c.Id
                               where a.Id == id
                               select new { a.StorageKey, a.FileName, ConversationId = c.Id }).FirstOrDefaultAsync();
            // Not there and not visible answer alike: a different status would tell which attachment ids exist.
            if (found?.StorageKey is null || !await ConversationAccess.CanSeeAsync(db, found.ConversationId, user.Id, user.Role, ctx.RequestAborted))
                return Results.NotFound();
            var stream = await files.OpenAsync(found.StorageKey, ctx.RequestAborted);
            if (stream is null) return Results.NotFound();
            if (!stream.CanSeek)
            {
                var copy = new MemoryStream();
                await using (stream) await stream.CopyToAsync(copy, ctx.RequestAborted);
                copy.Position = 0;
                stream = copy;
            }
            var raster = await FileSniffer.RasterImageAsync(stream, ctx.RequestAborted);
            var disposition = new ContentDispositionHeaderValue(raster is null ? "attachment" : "inline");
            disposition.SetHttpFileName(SafeFileName.From(found.FileName, raster is null ? "file" : "image"));
            var headers = ctx.Response.Headers;
            headers.ContentDisposition = disposition.ToString();
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = FileCsp;
            return Results.Stream(stream, raster ?? FileSniffer.Binary);
        }).RequireAuthorization().WithTags("Messages");
    }
}
