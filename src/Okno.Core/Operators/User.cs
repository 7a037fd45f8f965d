namespace Okno.Core.Operators;

public sealed class User
{
    private User() { }

    public const int MaxNameLength = 100;

    public User(string email, string name, UserRole role, DateTimeOffset now)
    {
        Email = email.Trim().ToLowerInvariant();
        if (name.Trim().Length is 0 or > MaxNameLength) throw new DomainException($"Имя: от 1 до {MaxNameLength} символов.");
        Name = name.Trim();
        Role = role;
        CreatedAt = now;
        IsActive = true;
        RotateSecurityStamp();
    }

    public long Id { get; private set; }
    public string Email { get; private set; } = "";
    public string Name { get; private set; } = "";
    public UserRole Role { get; private set; }
    public string? PasswordHash { get; private set; }
    public bool IsActive { get; private set; }
    public string? Team { get; private set; }
    /// <summary>An operator narrowed to their own conversations and the queue (no colleague's request by id, no hub events of them).</summary>
    public bool OwnAndQueueOnly { get; private set; }
    /// <summary>The TOTP secret (Data Protection-encrypted) once two-factor sign-in is confirmed; null when it is off.</summary>
    public string? TotpSecret { get; private set; }
    /// <summary>A secret given by enrolment and not yet confirmed with a code.</summary>
    public string? PendingTotpSecret { get; private set; }
    /// <summary>The last TOTP time step accepted: a code is good once (RFC 6238 §5.2).</summary>
    public long? LastTotpStep { get; private set; }
    public bool TwoFactorEnabled => TotpSecret is not null;
    public int FailedSignIns { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>
    /// Copied into every sign-in cookie and compared on each request: a new value (role, password, deactivation,
    /// "sign out everywhere") makes every cookie issued before it worthless.
    /// </summary>
    public string SecurityStamp { get; private set; } = "";

    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockOut = TimeSpan.FromMinutes(15);

    public void SetPasswordHash(string hash)
    {
        PasswordHash = hash;
        RotateSecurityStamp();
    }

    public void Update(string? name, UserRole? role, string? team, bool? isActive)
    {
        if (name?.Trim() is { Length: > MaxNameLength }) throw new DomainException($"Имя длиннее {MaxNameLength} символов.");
        if (!string.IsNullOrWhiteSpace(name)) Name = name.Trim();
        if (role is { } r && r != Role) { Role = r; RotateSecurityStamp(); }
        if (team is not null) Team = team.Length == 0 ? null : team.Trim();
        if (isActive is { } a && a != IsActive) { IsActive = a; RotateSecurityStamp(); }
    }

    public void BeginTwoFactor(string protectedSecret) => PendingTotpSecret = protectedSecret;

    /// <summary>The pending secret becomes the one in use; every other session ends.</summary>
    public void ConfirmTwoFactor(long step)
    {
        TotpSecret = PendingTotpSecret ?? throw new DomainException("Сначала начните подключение: POST /api/v1/auth/2fa/enroll.");
        PendingTotpSecret = null;
        LastTotpStep = step;
        RotateSecurityStamp();
    }

    public void DisableTwoFactor()
    {
        TotpSecret = PendingTotpSecret = null;
        LastTotpStep = null;
        RotateSecurityStamp();
    }

    public void SetScope(bool ownAndQueueOnly) => OwnAndQueueOnly = ownAndQueueOnly;

    /// <summary>Signs the user out of every browser: cookies carrying the old stamp are refused from now on.</summary>
    public void RotateSecurityStamp() => SecurityStamp = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;

}
