using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Okno.Channels.WebChat;
using Okno.Core.Data;
using Okno.Core.Messages;
using Okno.Web.Hosting;

namespace Okno.Web.Widget;

/// <summary>
/// The widget's anonymous API under /api/widget/{channelId}: session (create/resume), history, new messages,
/// uploads, the offline form and a server-sent event stream of operators' replies.
/// </summary>
public static partial class WidgetEndpoints
{
    public const int MaxText = 4000;

    public static void MapWidgetEndpoints(this WebApplication app)
    {
        app.MapMethods("/api/widget/{channelId}/{**rest}", ["OPTIONS"], (Delegate)WidgetCors.PreflightAsync).AllowAnonymous().ExcludeFromDescription();
        var group = app.MapGroup("/api/widget/{channelId}").WithTags("Widget").AllowAnonymous().AddEndpointFilter(WidgetCors.FilterAsync);
        var small = new BodyLimit(BodyLimit.Anonymous); // anonymous JSON: ~64 KB, not the server-wide 32 MB
        group.MapPost("/session", SessionAsync).WithMetadata(small);
        group.MapGet("/messages", HistoryAsync);
        group.MapPost("/messages", PostMessageAsync).WithMetadata(small);
        group.MapPost("/upload", UploadAsync).DisableAntiforgery();
        group.MapPost("/offline", OfflineAsync).WithMetadata(small);
        group.MapGet("/events", WidgetEvents.StreamAsync);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    internal static partial Regex ClientIdPattern();

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Неверный запрос");

    private static IResult Unauthorized() =>
        Results.Problem("Сессия чата не найдена или устарела: обновите страницу.", statusCode: 401, title: "No visitor session");

    internal static VisitorToken? Visitor(HttpContext ctx, WidgetTokens tokens, string? token = null) =>
        tokens.Read(token ?? ctx.Request.Headers[WidgetCors.VisitorHeader].ToString(), WidgetChannel.Of(ctx).Id);

    private static async Task<IResult> SessionAsync(SessionRequest? request, HttpContext ctx, WidgetTokens tokens, TimeProvider clock, WidgetGuard guard)
    {
        request ??= new SessionRequest(null, null, null, null, null, null, null);
        var channel = WidgetChannel.Of(ctx);
        var token = Visitor(ctx, tokens, request.Token);

        // The site vouches for its user only with the right HMAC; a verified visitor is never resumed without that
        // proof (the user logged out, or someone else uses the browser): they get a fresh anonymous visitor.
        var identified = !string.IsNullOrEmpty(request.UserId) &&
            WidgetTokens.UserHashMatches(channel.Settings.HmacSecret, request.UserId, request.UserHash);
        if (identified && token?.VisitorId != WidgetTokens.VerifiedVisitorId(channel.Id, request.UserId!))
            token = tokens.NewVerified(channel.Id, request.UserId!) with { Name = token?.Name, Phone = token?.Phone, Email = token?.Email, ConsentAt = token?.ConsentAt };
        else if (!identified && token is { Verified: true })
            token = null;
        if (token is null)
        {
            // Each new visitor can open a conversation: an IP gets only so many an hour.
            if (!guard.AllowNewVisitor(ctx))
                return Results.Problem("Слишком много новых чатов с вашего адреса: попробуйте позже.", statusCode: 429, title: "Too many new sessions");
            token = tokens.NewAnonymous(channel.Id);
        }

        if (request.Name is not null || request.Phone is not null || request.Email is not null)
        {
            var (details, problem) = ReadContactDetails(request.Name, request.Phone, request.Email, request.Consent, channel.Settings, clock.GetUtcNow());
            if (problem is not null) return problem;
            token = token with { Name = details!.Name, Phone = details.Phone, Email = details.Email, ConsentAt = details.ConsentAt ?? token.ConsentAt };
        }

        var s = channel.Settings;
        return Results.Ok(new SessionResponse(tokens.Issue(token), identified, NeedsPreChat(token, s),
            s.Hours?.IsOpen(clock.GetUtcNow()) ?? true,
            new WidgetConfig(s.Title, s.Greeting, s.Color, s.PreChatForm, s.ConsentText, s.PolicyUrl, s.MaxUploadMb)));
    }

    private static bool NeedsPreChat(VisitorToken token, WebChatSettings s) => s.PreChatForm && !token.Verified && !token.HasContactDetails;

    private static async Task<IResult> HistoryAsync(HttpContext ctx, WidgetTokens tokens, OknoDbContext db)
    {
        if (Visitor(ctx, tokens) is not { } visitor) return Unauthorized();
        var channelId = WidgetChannel.Of(ctx).Id;
        var prefix = WebChatConnector.VisitorPrefix(visitor.VisitorId);
        var rows = await db.Messages.AsNoTracking().Include(m => m.Attachments)
            .Where(m => m.ChannelAccountId == channelId && m.ExternalId != null && m.ExternalId.StartsWith(prefix)
                && (m.Kind == MessageKind.Text || m.Kind == MessageKind.Media))
            .OrderByDescending(m => m.Id).Take(200).ToListAsync(ctx.RequestAborted);
        var inPrefix = prefix + "in:";
        var items = rows.OrderBy(m => m.Id).Select(m => new WidgetMessage(m.Id,
            m.ExternalId!.StartsWith(inPrefix, StringComparison.Ordinal) ? m.ExternalId[inPrefix.Length..] : null,
            m.Direction == MessageDirection.Inbound ? "in" : "out", m.Text, m.SentAt ?? m.CreatedAt,
            m.Attachments.Select(a => a.FileName).ToList())).ToList();
        return Results.Ok(new WidgetMessages(items));
    }

    private static async Task<IResult> PostMessageAsync(VisitorMessageRequest request, HttpContext ctx, WidgetTokens tokens, WidgetIngest ingest)
    {
        if (Visitor(ctx, tokens) is not { } visitor) return Unauthorized();
        if (request.Id is null || !ClientIdPattern().IsMatch(request.Id)) return Invalid("id", "Нужен id сообщения: 8–64 латинских букв, цифр, _ или -.");
        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text)) return Invalid("text", "Пустое сообщение.");
        if (text.Length > MaxText) return Invalid("text", $"Сообщение длиннее {MaxText} символов.");
        if (NeedsPreChat(visitor, WidgetChannel.Of(ctx).Settings)) return Invalid("token", "Сначала представьтесь: заполните форму.");
        await ingest.AcceptAsync(ctx, visitor, request.Id, text, [], request.Source);
        return Results.Ok(new WidgetAccepted(request.Id));
    }
}
