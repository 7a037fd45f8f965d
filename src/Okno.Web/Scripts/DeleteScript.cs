using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;

namespace Okno.Web.Scripts;

public sealed class DeleteScript(OknoDbContext db)
{
    public async Task<bool> ExecuteAsync(long id, CancellationToken ct) => await db.Scripts.Where(s => s.Id == id).ExecuteDeleteAsync(ct) > 0;
}
