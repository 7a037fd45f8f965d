using Microsoft.AspNetCore.Identity;
using Okno.Core.Operators;

namespace Okno.Web.Auth;

public static class Passwords
{
    public const int MinLength = 8;
    private static readonly PasswordHasher<User> Hasher = new();

    public static string Hash(User user, string password) => Hasher.HashPassword(user, password);

    public static bool Verify(User user, string password) =>
        user.PasswordHash is not null && Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
}
