using Okno.Core.Conversations;
using Okno.Core.Operators;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Files;
using Okno.Web.Auth;

namespace Okno.Web.Messages;

public static class AttachmentsEndpoints
{
    public static void MapAttachments(this WebApplication app)
    {
        app.MapGet("/api/v1/attachments/{id:long}", async (long id, HttpContext ctx, OknoDbContext db, IFileStore files) =>
        {
            var user = CurrentUser.From(ctx.User);
            var found = await (from a in db.Attachments
                               join m in db.Messages on a.MessageId equals m.Id
                               join c in db.Conversations on m.ConversationId equals c.Id
                               where a.Id == id
                               select new { a.StorageKey, a.FileName, a.ContentType, ConversationId = c.Id }).FirstOrDefaultAsync();
            // Not visible answers like missing: no oracle of which attachment ids exist.
            if (found?.StorageKey is null || !await ConversationAccess.CanSeeAsync(db, found.ConversationId, user.Id, user.Role, ctx.RequestAborted))
                return Results.NotFound();
            var stream = await files.OpenAsync(found.StorageKey, ctx.RequestAborted);
            return stream is null ? Results.NotFound() : Results.File(stream, found.ContentType, found.FileName);
        }).RequireAuthorization().WithTags("Messages");
    }
}
