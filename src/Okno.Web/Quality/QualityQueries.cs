using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;

namespace Okno.Web.Quality;

/// <summary>Violations counted per staff member in a period: the REST endpoint and the admin screen read the same.</summary>
public sealed class QualityQueries(OknoDbContext db)
{
    public async Task<List<OperatorViolationsDto>> ByOperatorAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        var query = db.QualityViolations.AsNoTracking();
        if (from is { } f) query = query.Where(v => v.At >= f);
        if (to is { } t) query = query.Where(v => v.At < t);
        var rows = await query.GroupBy(v => new { v.AuthorId, v.Rule })
            .Select(g => new { g.Key.AuthorId, g.Key.Rule, Count = g.Count(), Anyway = g.Count(v => v.SentAnyway) }).ToListAsync(ct);
        var ids = rows.Where(r => r.AuthorId != null).Select(r => r.AuthorId!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return rows.GroupBy(r => r.AuthorId)
            .Select(g => new OperatorViolationsDto(g.Key, g.Key is { } uid ? names.GetValueOrDefault(uid) : null, g.Sum(r => r.Count), g.Sum(r => r.Anyway),
                g.ToDictionary(r => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(r.Rule.ToString()), r => r.Count)))
            .OrderByDescending(r => r.Violations).ToList();
    }
}
