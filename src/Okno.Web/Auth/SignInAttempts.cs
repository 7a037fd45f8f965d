using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Operators;

namespace Okno.Web.Auth;

/// <summary>
/// One password guess against the lock-out budget. The attempt is reserved with a conditional UPDATE before the
/// hash is checked, so parallel guesses cannot all slip in before the counter catches up: at most
/// <see cref="User.MaxFailedSignIns"/> guesses are ever checked per lock-out period.
/// </summary>
public static class SignInAttempts
{
    /// <returns>The user when the password is right (and the account active and not locked), else null.</returns>
    public static async Task<User?> CheckAsync(OknoDbContext db, string email, string password, DateTimeOffset now, SignInMeter meter, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email, ct);
        if (user is null)
        {
            Passwords.VerifyDummy(password);
            return null;
        }

        var reserved = await db.Users
            .Where(u => u.Id == user.Id && (u.LockedUntil == null || u.LockedUntil <= now) && u.FailedSignIns < User.MaxFailedSignIns)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignIns, u => u.FailedSignIns + 1), ct);
        if (reserved == 0)
        {
            Passwords.VerifyDummy(password); // locked: the same answer, in the same time, as a wrong password
            return null;
        }

        meter.PasswordChecked();
        if (user.IsActive && Passwords.Verify(user, password))
        {
            await db.Users.Where(u => u.Id == user.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignIns, 0).SetProperty(u => u.LockedUntil, (DateTimeOffset?)null), ct);
            return user;
        }

        var until = now + User.LockOut;
        await db.Users.Where(u => u.Id == user.Id && u.FailedSignIns >= User.MaxFailedSignIns)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockedUntil, (DateTimeOffset?)until).SetProperty(u => u.FailedSignIns, 0), ct);
        return null;
    }
}
