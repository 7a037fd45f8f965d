using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Privacy;

namespace Okno.Web.Privacy;

public sealed record ConsentDto(long Id, long ContactId, Guid? ChannelId, string? ChannelKind, string? ChannelName, string Source, string Text,
    string TextSha256, DateTimeOffset GivenAt, DateTimeOffset RecordedAt, DateTimeOffset? WithdrawnAt, long? WithdrawnById);

/// <summary>The consent register as the API, the web app and the client's archive read it.</summary>
public static class ConsentQueries
{
    public static async Task<IReadOnlyList<ConsentDto>> ForContactAsync(OknoDbContext db, long contactId, CancellationToken ct)
    {
        var rows = await db.Consents.AsNoTracking().Where(c => c.ContactId == contactId).OrderBy(c => c.GivenAt).ThenBy(c => c.Id).ToListAsync(ct);
        var channelIds = rows.Where(r => r.ChannelAccountId is not null).Select(r => r.ChannelAccountId!.Value).Distinct().ToList();
        var channels = await db.ChannelAccounts.AsNoTracking().Where(a => channelIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        return rows.Select(c =>
        {
            var ch = c.ChannelAccountId is { } id ? channels.GetValueOrDefault(id) : null;
            return new ConsentDto(c.Id, c.ContactId, c.ChannelAccountId, ch?.Kind.ToString().ToLowerInvariant(), ch?.Name, c.Source, c.Text, c.TextSha256,
                c.GivenAt, c.RecordedAt, c.WithdrawnAt, c.WithdrawnById);
        }).ToList();
    }

    /// <summary>Withdraws a consent of this contact; false when there is no such consent. A second withdrawal keeps the first.</summary>
    public static async Task<(ConsentDto? Consent, bool Changed)> WithdrawAsync(OknoDbContext db, long contactId, long consentId, long? byUserId, DateTimeOffset now, CancellationToken ct)
    {
        var consent = await db.Consents.FirstOrDefaultAsync(c => c.Id == consentId && c.ContactId == contactId, ct);
        if (consent is null) return (null, false);
        var changed = consent.Withdraw(byUserId, now);
        await db.SaveChangesAsync(ct);
        return ((await ForContactAsync(db, contactId, ct)).First(c => c.Id == consentId), changed);
    }
}
