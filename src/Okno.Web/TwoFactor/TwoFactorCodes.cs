using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Operators;
using OtpNet;
using QRCoder;

namespace Okno.Web.TwoFactor;

/// <summary>
/// TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps, one step of drift either way) on <see cref="TimeProvider"/>,
/// and one-time recovery codes. The secret is stored encrypted with Data Protection; a code is accepted once.
/// </summary>
public sealed class TwoFactorCodes(OknoDbContext db, TimeProvider clock, IDataProtectionProvider protection)
{
    public const string Issuer = "Okno";
    private static readonly VerificationWindow Drift = new(previous: 1, future: 1);
    private readonly IDataProtector _protector = protection.CreateProtector("Okno.TwoFactor.Totp.v1");

    public (string Secret, string Protected) NewSecret()
    {
        var secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        return (secret, _protector.Protect(secret));
    }

    public static string OtpAuthUri(string email, string secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={secret}&issuer={Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits=6&period=30";

    /// <summary>The URI as a QR code, a PNG data URI (the CSP allows data: images).</summary>
    public static string QrDataUri(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>The step a six-digit code matches for this protected secret now, or null.</summary>
    public long? MatchingStep(string protectedSecret, string code)
    {
        var digits = new string(code.Where(c => c != ' ').ToArray());
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit)) return null;
        var totp = new Totp(Base32Encoding.ToBytes(_protector.Unprotect(protectedSecret)));
        return totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, Drift) ? step : null;
    }

    /// <summary>A TOTP code for the confirmed secret, each step good once (a conditional UPDATE: two parallel uses cannot both pass).</summary>
    public async Task<bool> VerifyTotpAsync(User user, string code, CancellationToken ct)
    {
        if (user.TotpSecret is not { } secret || MatchingStep(secret, code) is not { } step) return false;
        return await db.Users.Where(u => u.Id == user.Id && u.TotpSecret == secret && (u.LastTotpStep == null || u.LastTotpStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTotpStep, step), ct) == 1;
    }

    /// <summary>Spends a recovery code: true once, false ever after.</summary>
    public async Task<bool> UseRecoveryCodeAsync(User user, string code, CancellationToken ct)
    {
        if (!user.TwoFactorEnabled || !RecoveryCode.LooksLikeOne(code)) return false;
        var hash = RecoveryCode.HashOf(code);
        var now = clock.GetUtcNow();
        return await db.RecoveryCodes.Where(r => r.UserId == user.Id && r.Hash == hash && r.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.UsedAt, (DateTimeOffset?)now), ct) == 1;
    }

    /// <summary>A fresh set of recovery codes (the old set stops working); the codes are returned once, stored hashed.</summary>
    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(long userId, CancellationToken ct)
    {
        await db.RecoveryCodes.Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        var now = clock.GetUtcNow();
        var codes = Enumerable.Range(0, RecoveryCode.PerUser).Select(_ => RecoveryCode.NewCode()).Distinct().ToList();
        db.RecoveryCodes.AddRange(codes.Select(c => new RecoveryCode(userId, c, now)));
        await db.SaveChangesAsync(ct);
        return codes;
    }

    public Task<int> RecoveryCodesLeftAsync(long userId, CancellationToken ct) =>
        db.RecoveryCodes.CountAsync(r => r.UserId == userId && r.UsedAt == null, ct);

    /// <summary>Whether the administrator requires two-factor sign-in of this role.</summary>
    public Task<bool> RequiredForAsync(UserRole role, CancellationToken ct) =>
        db.RolePolicies.AnyAsync(p => p.Role == role && p.RequireTwoFactor, ct);
}
