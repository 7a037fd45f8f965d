using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;

namespace Okno.Web.Users;

/// <summary>Colleagues as the API and the admin screen list them.</summary>
public sealed class UserQueries(OknoDbContext db)
{
    public async Task<List<UsersEndpoints.UserDto>> ListAsync(CancellationToken ct) =>
        (await db.Users.AsNoTracking().OrderBy(u => u.Name).ToListAsync(ct)).Select(UsersEndpoints.Dto).ToList();
}
