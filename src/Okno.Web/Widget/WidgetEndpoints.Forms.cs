using Okno.Channels.WebChat;
using Okno.Core.Channels;
using Okno.Core.Contacts;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Files;

namespace Okno.Web.Widget;

public static partial class WidgetEndpoints
{
    /// <summary>Images, PDF, Word, Excel and plain text — by extension; the declared type is not trusted.</summary>
    private static readonly Dictionary<string, string> AllowedUploads = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".png"] = "image/png", [".gif"] = "image/gif", [".webp"] = "image/webp",
        [".heic"] = "image/heic", [".pdf"] = "application/pdf", [".doc"] = "application/msword",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xls"] = "application/vnd.ms-excel", [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".txt"] = "text/plain",
    };

    internal sealed record ContactDetails(string Name, string? Phone, string? Email, DateTimeOffset? ConsentAt);

    internal static (ContactDetails?, IResult?) ReadContactDetails(string? name, string? phone, string? email, bool? consent, WebChatSettings settings, DateTimeOffset now)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100) return (null, Invalid("name", "Укажите имя (до 100 символов)."));
        var normalizedPhone = string.IsNullOrWhiteSpace(phone) ? null : IdentityNormalizer.Normalize(IdentityKind.Phone, phone);
        if (!string.IsNullOrWhiteSpace(phone) && normalizedPhone is null) return (null, Invalid("phone", "Неверный номер телефона."));
        var normalizedEmail = string.IsNullOrWhiteSpace(email) ? null : IdentityNormalizer.Normalize(IdentityKind.Email, email);
        if (!string.IsNullOrWhiteSpace(email) && (normalizedEmail is null || normalizedEmail.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(normalizedEmail, out _)))
            return (null, Invalid("email", "Неверный адрес e-mail."));
        if (normalizedPhone is null && normalizedEmail is null) return (null, Invalid("phone", "Укажите телефон или e-mail, чтобы юрист мог с вами связаться."));
        if (settings.PreChatForm && consent != true) return (null, Invalid("consent", "Нужно согласие на обработку персональных данных."));
        return (new ContactDetails(name, normalizedPhone, normalizedEmail, consent == true ? now : null), null);
    }

    private static async Task<IResult> UploadAsync(HttpContext ctx, WidgetTokens tokens, WidgetIngest ingest, IFileStore files, OknoDbContext db)
    {
        if (Visitor(ctx, tokens) is not { } visitor) return Unauthorized();
        var settings = WidgetChannel.Of(ctx).Settings;
        var limit = settings.MaxUploadMb * 1024L * 1024L;
        if (ctx.Request.ContentLength > limit + 64 * 1024) return TooLarge(settings);
        if (!ctx.Request.HasFormContentType) return Invalid("file", "Нужна форма multipart/form-data с полем file.");
        // A body without a declared length is cut at the same limit while the form is read.
        ctx.Features.Set<IFormFeature>(new FormFeature(ctx.Request, new FormOptions { MultipartBodyLengthLimit = limit + 64 * 1024 }));
        IFormCollection form;
        try { form = await ctx.Request.ReadFormAsync(ctx.RequestAborted); }
        catch (InvalidDataException) { return TooLarge(settings); }
        var id = form["id"].ToString();
        if (!ClientIdPattern().IsMatch(id)) return Invalid("id", "Нужен id сообщения: 8–64 латинских букв, цифр, _ или -.");
        if (form.Files.GetFile("file") is not { } file || file.Length == 0) return Invalid("file", "Файл не выбран.");
        if (file.Length > limit) return TooLarge(settings);
        var fileName = Path.GetFileName(file.FileName);
        if (fileName.Length is 0 or > 200 || !AllowedUploads.TryGetValue(Path.GetExtension(fileName), out var contentType))
            return Invalid("file", "Можно прикрепить изображение, PDF, Word, Excel или текстовый файл.");
        if (NeedsPreChat(visitor, settings)) return Invalid("token", "Сначала представьтесь: заполните форму.");
        // Every check before anything is written: the same message id again (a retry) stores nothing new,
        // and the bytes must be what the extension says.
        var channelId = WidgetChannel.Of(ctx).Id;
        var externalId = WebChatConnector.InboundId(visitor.VisitorId, id);
        if (await db.Messages.AnyAsync(m => m.ChannelAccountId == channelId && m.ExternalId == externalId, ctx.RequestAborted))
            return Results.Ok(new WidgetAccepted(id));
        var head = new byte[16];
        await using (var peek = file.OpenReadStream()) head = head[..await peek.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ctx.RequestAborted)];
        if (!UploadSniff.Matches(Path.GetExtension(fileName), head))
            return Invalid("file", "Содержимое файла не совпадает с его типом.");

        await using var content = file.OpenReadStream();
        var key = await files.SaveAsync(content, fileName, ctx.RequestAborted);
        var caption = form["text"].ToString().Trim();
        var attachment = new InboundAttachment(fileName, contentType, file.Length, WebChatConnector.UploadRef + key);
        await ingest.AcceptAsync(ctx, visitor, id, caption.Length is > 0 and <= MaxText ? caption : null, [attachment], null);
        return Results.Ok(new WidgetAccepted(id));
    }

    private static IResult TooLarge(WebChatSettings settings) =>
        Results.Problem($"Файл больше {settings.MaxUploadMb} МБ.", statusCode: 413, title: "File too large");

    /// <summary>Outside business hours: the visitor leaves their question and contacts; operators see it marked as such.</summary>
    private static async Task<IResult> OfflineAsync(OfflineRequest request, HttpContext ctx, WidgetTokens tokens, WidgetIngest ingest, TimeProvider clock)
    {
        if (Visitor(ctx, tokens) is not { } visitor) return Unauthorized();
        if (request.Id is null || !ClientIdPattern().IsMatch(request.Id)) return Invalid("id", "Нужен id сообщения: 8–64 латинских букв, цифр, _ или -.");
        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxText) return Invalid("text", $"Опишите вопрос (до {MaxText} символов).");
        var settings = WidgetChannel.Of(ctx).Settings with { PreChatForm = true }; // consent is always required here
        var (details, problem) = ReadContactDetails(request.Name, request.Phone, request.Email, request.Consent, settings, clock.GetUtcNow());
        if (problem is not null) return problem;
        visitor = visitor with { Name = details!.Name, Phone = details.Phone, Email = details.Email, ConsentAt = details.ConsentAt };
        var contacts = string.Join(", ", new[] { details.Phone, details.Email }.OfType<string>());
        var flagged = $"{WidgetIngest.OfflineMark}\n{text}\n— {details.Name}, {contacts}";
        await ingest.AcceptAsync(ctx, visitor, request.Id, flagged, [], request.Source, offline: true);
        return Results.Ok(new { id = request.Id, token = tokens.Issue(visitor) });
    }
}
