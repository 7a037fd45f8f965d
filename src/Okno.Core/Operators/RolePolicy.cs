namespace Okno.Core.Operators;

/// <summary>
/// What the administrator sets per role: two-factor sign-in required, clients' e-mail addresses masked. A role without
/// a row requires and masks nothing (phones follow the fixed matrix, <see cref="Permissions"/>).
/// </summary>
public sealed class RolePolicy
{
    private RolePolicy() { }

    public RolePolicy(UserRole role, bool requireTwoFactor, bool maskEmails = false)
    {
        Role = role;
        RequireTwoFactor = requireTwoFactor;
        MaskEmails = maskEmails;
    }

    public UserRole Role { get; private set; }
    public bool RequireTwoFactor { get; private set; }
    public bool MaskEmails { get; private set; }

    public void Set(bool requireTwoFactor) => RequireTwoFactor = requireTwoFactor;

    public void SetEmailMasking(bool mask) => MaskEmails = mask;
}
