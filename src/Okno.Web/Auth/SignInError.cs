namespace Okno.Web.Auth;

/// <summary>
/// Why a sign-in failed, as a fixed code: the login page turns the code into its own text, so a link such as
/// /login?error=… can never put an attacker's words on Okno's page.
/// </summary>
public enum SignInError
{
    Missing,
    Invalid,
    Locked,
}

public static class SignInErrors
{
    public static string Code(this SignInError e) => e switch
    {
        SignInError.Missing => "missing",
        SignInError.Locked => "locked",
        _ => "invalid",
    };

    public static int Status(this SignInError e) => e switch
    {
        SignInError.Missing => StatusCodes.Status400BadRequest,
        SignInError.Locked => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status401Unauthorized,
    };

    public static string Russian(this SignInError e) => Text(e, en: false);

    /// <summary>The text for a code from the query string; null for anything that is not one of ours.</summary>
    public static string? TextOf(string? code, bool en) => code switch
    {
        "missing" => Text(SignInError.Missing, en),
        "invalid" => Text(SignInError.Invalid, en),
        "locked" => Text(SignInError.Locked, en),
        _ => null,
    };

    private static string Text(SignInError e, bool en) => e switch
    {
        SignInError.Missing => en ? "Enter your e-mail and password." : "Введите e-mail и пароль.",
        SignInError.Locked => en ? "Too many attempts. Signing in is paused for a while, try again later."
            : "Слишком много попыток. Вход временно приостановлен, попробуйте позже.",
        _ => en ? "Wrong e-mail or password." : "Неверный e-mail или пароль.",
    };
}
