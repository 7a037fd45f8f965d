using System.Diagnostics.Metrics;

namespace Okno.Web.Auth;

/// <summary>Counts password hash checks ("okno.auth.password_checks"): a burst of guesses should show at most the lock-out budget.</summary>
public sealed class SignInMeter
{
    public const string MeterName = "Okno.Auth";
    private readonly Counter<long> _checks;

    public SignInMeter(IMeterFactory meters) =>
        _checks = meters.Create(MeterName).CreateCounter<long>("okno.auth.password_checks", description: "Password hashes checked against a real account");

    public void PasswordChecked() => _checks.Add(1);
}
