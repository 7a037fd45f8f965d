using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;

namespace Okno.Web.Users;

/// <summary>Ends every browser session of a user (a lost laptop, a leaving colleague); API tokens stay as they are.</summary>
public sealed class SignOutEverywhere(OknoDbContext db)
{
    public async Task<bool> ExecuteAsync(long id, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return false;
        user.RotateSecurityStamp();
        await db.SaveChangesAsync(ct);
        return true;
    }
}
