using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;

namespace Okno.Web.Scripts;

/// <summary>The firm's approved answers, for the admin screen, the reply box and the API.</summary>
public sealed class ScriptQueries(OknoDbContext db)
{
    public Task<List<ScriptDto>> ListAsync(CancellationToken ct) =>
        db.Scripts.AsNoTracking().OrderBy(s => s.Title).Select(s => new ScriptDto(s.Id, s.Title, s.Text, s.CreatedAt)).ToListAsync(ct);
}
