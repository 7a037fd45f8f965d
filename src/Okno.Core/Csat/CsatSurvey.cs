using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Okno.Core.Channels;
using Okno.Core.Conversations;
using Okno.Core.Data;

namespace Okno.Core.Csat;

/// <summary>
/// The optional satisfaction survey (issue 13.8): when a request is resolved and the channel account the reply goes
/// through has <see cref="Setting"/> switched on, one message without an author asks for a score 1–5. The client's
/// answer within <see cref="Conversation.CsatWindow"/> is stored on the request by the inbound pipeline and does not
/// reopen it. Sent as text on every channel (the outbound senders carry no buttons today).
/// </summary>
public sealed class CsatSurvey(OknoDbContext db, SendReply send, ReplyRoutes routes, ChannelDirectory channels, TimeProvider clock, ILogger<CsatSurvey> log)
{
    public const string Setting = "csatSurvey";
    public const string Text = "Оцените, пожалуйста, нашу работу от 1 до 5 — пришлите одну цифру: 5 — отлично, 1 — плохо.";

    public static readonly ChannelSetting Describe = new(Setting, SettingType.Boolean,
        "Опрос после закрытия обращения: «Оцените, пожалуйста, нашу работу от 1 до 5» (ответ клиента сохраняется как оценка)", "true");

    /// <returns>true when the survey went out.</returns>
    public async Task<bool> AskAsync(long conversationId, CancellationToken ct)
    {
        var c = await db.Conversations.FirstOrDefaultAsync(x => x.Id == conversationId, ct);
        if (c is null || c.Status != ConversationStatus.Resolved || c.CsatAskedAt is not null) return false;
        var route = (await routes.ForConversationAsync(c, ct)).FirstOrDefault(r => r.IsDefault);
        if (route is not { Usable: true, TemplateOnly: false }) return false;
        if ((await channels.FindAsync(route.ChannelId, ct))?.Context.Setting(Setting) != "true") return false;
        try
        {
            await send.ExecuteAsync(new ReplyRequest(c.Id, Text, route.ChannelId, null, KeepStatus: true), ct);
        }
        catch (DomainException ex)
        {
            log.LogInformation("Satisfaction survey for conversation {ConversationId} not sent: {Reason}", c.Id, ex.GetType().Name);
            return false;
        }
        c.MarkCsatAsked(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return true;
    }
}
