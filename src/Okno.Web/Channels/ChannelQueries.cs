using Microsoft.EntityFrameworkCore;
using Okno.Core.Channels;
using Okno.Core.Data;

namespace Okno.Web.Channels;

/// <summary>The channel list and one channel as the API and the admin screen show them.</summary>
public sealed class ChannelQueries(OknoDbContext db, ChannelDirectory directory, ChannelConnectors connectors)
{
    public async Task<List<ChannelDto>> ListAsync(string publicUrl, CancellationToken ct)
    {
        var accounts = await db.ChannelAccounts.AsNoTracking().Where(a => !a.IsDeleted).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        return accounts.Where(a => connectors.Supports(a.Kind)).Select(a => Dto(a, publicUrl)).ToList();
    }

    public async Task<ChannelDto?> GetAsync(Guid id, string publicUrl, CancellationToken ct)
    {
        var a = await db.ChannelAccounts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && !x.IsDeleted, ct);
        return a is null || !connectors.Supports(a.Kind) ? null : Dto(a, publicUrl);
    }

    /// <summary>The slim list for staff who may not read settings.</summary>
    public async Task<List<ChannelSummaryDto>> SummariesAsync(CancellationToken ct)
    {
        var accounts = await db.ChannelAccounts.AsNoTracking().Where(a => !a.IsDeleted).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        return accounts.Where(a => connectors.Supports(a.Kind)).Select(ChannelSummaryDto.From).ToList();
    }

    public async Task<ChannelSummaryDto> SummaryAsync(Guid id, CancellationToken ct) =>
        ChannelSummaryDto.From(await db.ChannelAccounts.AsNoTracking().FirstAsync(x => x.Id == id, ct));

    public ChannelDto Dto(ChannelAccount a, string publicUrl) =>
        ChannelDto.From(a, directory.Unprotect(a.ProtectedSettings), connectors.For(a.Kind), publicUrl);
}
