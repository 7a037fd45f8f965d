using Microsoft.AspNetCore.Identity;
using Okno.Core.Operators;

namespace Okno.Web.Auth;

public static class Passwords
{
    public const int MinLength = 8;
    private static readonly PasswordHasher<User> Hasher = new();
    private static readonly User Nobody = new("nobody@okno.invalid", "nobody", UserRole.Operator, DateTimeOffset.UnixEpoch);
    private static readonly string DummyHash = Hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));

    public static string Hash(User user, string password) => Hasher.HashPassword(user, password);

    public static bool Verify(User user, string password) =>
        user.PasswordHash is not null && Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;

    /// <summary>
    /// The same work as a real check, for an unknown e-mail or a locked account: the answer's timing must not tell
    /// which e-mails have accounts.
    /// </summary>
    public static void VerifyDummy(string password) => Hasher.VerifyHashedPassword(Nobody, DummyHash, password);
}
