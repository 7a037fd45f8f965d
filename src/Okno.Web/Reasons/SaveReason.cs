using Microsoft.EntityFrameworkCore;
using Okno.Core.Conversations;
using Okno.Core.Data;

namespace Okno.Web.Reasons;

/// <summary>Adds a reason, renames one or switches it on or off; null when the reason to change is gone.</summary>
public sealed class SaveReason(OknoDbContext db, TimeProvider clock)
{
    public async Task<ReasonDto?> ExecuteAsync(long? id, ReasonBody body, CancellationToken ct)
    {
        NotTargetReason reason;
        if (id is { } existing)
        {
            if (await db.NotTargetReasons.FirstOrDefaultAsync(r => r.Id == existing, ct) is not { } found) return null;
            reason = found;
            if (body.Text is not null) reason.Rename(body.Text);
        }
        else
        {
            reason = new NotTargetReason(body.Text ?? "", clock.GetUtcNow());
            db.NotTargetReasons.Add(reason);
        }
        if (body.IsActive is { } active) reason.SetActive(active);
        await db.SaveChangesAsync(ct);
        return new ReasonDto(reason.Id, reason.Text, reason.IsActive);
    }
}
