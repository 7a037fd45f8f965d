namespace Okno.Core.Operators;

/// <summary>What the administrator requires of a role: today, two-factor sign-in. A role without a row requires nothing.</summary>
public sealed class RolePolicy
{
    private RolePolicy() { }

    public RolePolicy(UserRole role, bool requireTwoFactor)
    {
        Role = role;
        RequireTwoFactor = requireTwoFactor;
    }

    public UserRole Role { get; private set; }
    public bool RequireTwoFactor { get; private set; }

    public void Set(bool requireTwoFactor) => RequireTwoFactor = requireTwoFactor;
}
