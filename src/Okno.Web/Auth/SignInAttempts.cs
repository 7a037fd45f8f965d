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
            if (user.TwoFactorEnabled)
            {
                // The password alone is not a sign-in: give back this attempt, but keep the count of earlier
                // failures — a right password must not reset the budget of code guesses (see CheckCodeAsync).
                await db.Users.Where(u => u.Id == user.Id && u.FailedSignIns > 0)
                    .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignIns, u => u.FailedSignIns - 1), ct);
                return user;
            }
            await db.Users.Where(u => u.Id == user.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignIns, 0).SetProperty(u => u.LockedUntil, (DateTimeOffset?)null), ct);
            return user;
        }

        var until = now + User.LockOut;
        await db.Users.Where(u => u.Id == user.Id && u.FailedSignIns >= User.MaxFailedSignIns)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockedUntil, (DateTimeOffset?)until).SetProperty(u => u.FailedSignIns, 0), ct);
        return null;
    }

    /// <summary>
    /// One second-factor guess against the same lock-out budget as passwords: reserved first, so parallel guesses
    /// cannot slip past it; a right code resets the budget, the fifth wrong one locks the account.
    /// </summary>
    public static async Task<bool> CheckCodeAsync(OknoDbContext db, User user, DateTimeOffset now, Func<Task<bool>> verify, CancellationToken ct)
    {
        var reserved = await db.Users
            .Where(u => u.Id == user.Id && (u.LockedUntil == null || u.LockedUntil <= now) && u.FailedSignIns < User.MaxFailedSignIns)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignIns, u => u.FailedSignIns + 1), ct);
        if (reserved == 0) return false;
        if (await verify())
        {
            await db.Users.Where(u => u.Id == user.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignIns, 0).SetProperty(u => u.LockedUntil, (DateTimeOffset?)null), ct);
            return true;
        }
        var until = now + User.LockOut;
        await db.Users.Where(u => u.Id == user.Id && u.FailedSignIns >= User.MaxFailedSignIns)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockedUntil, (DateTimeOffset?)until).SetProperty(u => u.FailedSignIns, 0), ct);
        return false;
    }
}
