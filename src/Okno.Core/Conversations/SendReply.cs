using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Events;
using Okno.Core.Files;
using Okno.Core.Messages;
using Okno.Core.Quality;

namespace Okno.Core.Conversations;

/// <param name="QualityConfirmed">The operator saw the policy warnings for this text and chose to send it anyway.</param>
/// <param name="KeepStatus">A resolved request stays resolved (the satisfaction survey after resolving).</param>
public sealed record ReplyRequest(long ConversationId, string? Text, Guid? ChannelId, long? AuthorId, string? Template = null,
    IReadOnlyList<ReplyFile>? Files = null, bool QualityConfirmed = false, bool KeepStatus = false);

/// <summary>A file already in the file store, to go out with a reply.</summary>
public sealed record ReplyFile(string FileName, string ContentType, long Size, string StorageKey);

/// <summary>A reply is a message row and an outbox row in one transaction; the worker sends it.</summary>
public sealed class SendReply(OknoDbContext db, ReplyRoutes routes, OutboxSignal signal, ILiveEvents bus, TimeProvider clock, QualityRules quality)
{
    /// <summary>Our own limit, for channels whose platform sets none (e-mail, the site chat).</summary>
    public const int MaxTextLength = 10_000;

    public async Task<Message> ExecuteAsync(ReplyRequest request, CancellationToken ct)
    {
        var text = request.Text?.Trim();
        var files = request.Files ?? [];
        if (string.IsNullOrEmpty(text) && request.Template is null && files.Count == 0) throw new DomainException("Пустое сообщение: введите текст.");
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == request.ConversationId, ct)
            ?? throw new NotFoundException("Обращение не найдено.");

        var options = await routes.ForConversationAsync(conversation, ct);
        var route = request.ChannelId is { } wanted
            ? options.FirstOrDefault(r => r.ChannelId == wanted) ?? throw new DomainException("Клиент недоступен через выбранный канал.")
            : options.FirstOrDefault(r => r.IsDefault) ?? options.FirstOrDefault() ?? throw new DomainException("У клиента нет канала, через который можно ответить.");
        if (!route.Usable) throw new DomainException(route.Reason ?? "Канал недоступен.");
        if (route.TemplateOnly && request.Template is null) throw new DomainException(route.Reason!);
        // What the route cannot carry is refused here, before 202 — not later by the worker.
        if (files.Count > 0 && route.NoFilesReason is { } noFiles) throw new DomainException(noFiles);
        if (text is not null && route.TooLongReason(text.Length) is { } tooLong) throw new DomainException(tooLong);

        // The firm's script and policy: every staff reply is checked; a blocking policy refuses it, otherwise it is recorded.
        var findings = request.AuthorId is null ? [] : await CheckPolicyAsync(conversation, text, ct);

        var now = clock.GetUtcNow();
        var message = Message.Reply(conversation.Id, conversation.ContactId, route.ChannelId, string.IsNullOrEmpty(text) ? null : text, request.AuthorId, now, request.Template);
        foreach (var f in files)
            message.Attachments.Add(new Attachment { FileName = SafeFileName.From(f.FileName, "file"), ContentType = f.ContentType, Size = f.Size, StorageKey = f.StorageKey });
        db.Messages.Add(message);
        foreach (var f in findings)
            db.QualityViolations.Add(new QualityViolation(message, conversation.Id, request.AuthorId, f, request.QualityConfirmed, now));
        db.Outbox.Add(new OutboxItem(OutboxKind.Send, message, now));
        if (conversation.Status == ConversationStatus.Resolved && !request.KeepStatus) conversation.Reopen();
        // Whoever answers a queued request owns it: two operators never answer the same client unknowingly.
        // (The reply itself carries its author, so no separate system line.)
        if (conversation.AssigneeId is null && request.AuthorId is { } author) conversation.Assign(author, now);
        var preview = !string.IsNullOrEmpty(text) ? text : files.Count > 0 ? "📎 " + files[0].FileName : "Шаблон";
        conversation.RecordOutbound(preview.Length > 120 ? preview[..120] : preview, now, byStaff: request.AuthorId is not null);
        await db.SaveChangesAsync(ct);
        signal.Notify();
        bus.Publish(new MessageCreated(conversation.Id, message.Id, conversation.ContactId, MessageDirection.Outbound) { AssigneeId = conversation.AssigneeId });
        bus.Publish(new ConversationUpdated(conversation.Id, ConversationChange.Reply) { AssigneeId = conversation.AssigneeId });
        return message;
    }

    private async Task<IReadOnlyList<PolicyFinding>> CheckPolicyAsync(Conversation conversation, string? text, CancellationToken ct)
    {
        var policy = await quality.PolicyAsync(ct);
        var findings = await quality.FindAsync(policy, conversation, text, ct);
        if (QualityRules.Blocking(policy, findings).ToList() is { Count: > 0 } blocking)
            throw new DomainException("Сообщение не отправлено — правила фирмы: " + PolicyCheck.Describe(blocking) + ".");
        return findings;
    }
}
