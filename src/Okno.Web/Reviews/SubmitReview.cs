using Microsoft.EntityFrameworkCore;
using Okno.Core;
using Okno.Core.Audit;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Events;
using Okno.Core.Operators;
using Okno.Core.Reviews;
using Okno.Web.Audit;
using Okno.Web.Auth;

namespace Okno.Web.Reviews;

/// <summary>
/// A reviewer scores a request against the admin's scorecard (the REST endpoint and the review screen both call it).
/// Every criterion named must exist on the scorecard; every score is 1..5. The operator is told.
/// </summary>
public sealed class SubmitReview(OknoDbContext db, AuditTrail audit, ILiveEvents bus, TimeProvider clock)
{
    /// <returns>The review; null when the request is not visible. Bad input throws a <see cref="DomainException"/> naming the field.</returns>
    public async Task<ConversationReview?> ExecuteAsync(long conversationId, CurrentUser me, ReviewBody body, CancellationToken ct)
    {
        if (!me.Role.Reviews()) throw new DomainException("Оценивать обращения могут руководители, администраторы и контроль качества.");
        var c = await db.Conversations.AsNoTracking().Where(x => x.Id == conversationId).VisibleTo(db, me.Id, me.Role).FirstOrDefaultAsync(ct);
        if (c is null) return null;
        var card = await db.Scorecards.AsNoTracking().FirstOrDefaultAsync(s => s.Id == Scorecard.SingletonId, ct) ?? Scorecard.Default();
        if (body.Scores is not { Count: > 0 } scores) throw new DomainException("Оцените хотя бы один критерий: scores { \"критерий\": 1..5 }.");
        var named = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, score) in scores)
        {
            var criterion = card.Find(name ?? "") ?? throw new DomainException($"Нет такого критерия: «{name}». Критерии: {string.Join(", ", card.Criteria.Select(x => $"«{x}»"))}.");
            if (score is < 1 or > 5) throw new DomainException($"Оценка «{criterion}» — {score}: допустимо от 1 до 5.");
            named[criterion] = score;
        }
        var review = new ConversationReview(c.Id, c.AssigneeId, me.Id, named, body.Comment, clock.GetUtcNow());
        db.Reviews.Add(review);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.ReviewCreated, AuditObjects.Conversation, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"average={review.Average.ToString(System.Globalization.CultureInfo.InvariantCulture)}", ct);
        if (c.AssigneeId is { } op && op != me.Id)
            bus.Publish(new UserNotified(op, $"{me.Name} {RussianNames.Verb(me.Name, "оценил")} вашу работу по обращению: {review.Average:0.#} из 5.", c.Id));
        return review;
    }
}
