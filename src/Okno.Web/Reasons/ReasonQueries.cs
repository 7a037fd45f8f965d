using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;

namespace Okno.Web.Reasons;

/// <summary>The not-target reasons: all of them for the admin, the active ones for the operator's picker.</summary>
public sealed class ReasonQueries(OknoDbContext db)
{
    public Task<List<ReasonDto>> ListAsync(bool activeOnly, CancellationToken ct) =>
        db.NotTargetReasons.AsNoTracking().Where(r => !activeOnly || r.IsActive).OrderBy(r => r.Text)
            .Select(r => new ReasonDto(r.Id, r.Text, r.IsActive)).ToListAsync(ct);
}
