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
    /// <summary>The password was right; the account has two-factor sign-in and no code came.</summary>
    CodeRequired,
    CodeInvalid,
}

public static class SignInErrors
{
    public static string Code(this SignInError e) => e switch
    {
        SignInError.Missing => "missing",
        SignInError.Locked => "locked",
        SignInError.CodeRequired => "code-required",
        SignInError.CodeInvalid => "code",
        _ => "invalid",
    };

    public static int Status(this SignInError e) => e switch
    {
        SignInError.Missing => StatusCodes.Status400BadRequest,
        SignInError.Locked => StatusCodes.Status429TooManyRequests,
        SignInError.CodeRequired => StatusCodes.Status200OK,
        _ => StatusCodes.Status401Unauthorized,
    };

    public static string Russian(this SignInError e) => Text(e, en: false);

    /// <summary>The text for a code from the query string; null for anything that is not one of ours.</summary>
    public static string? TextOf(string? code, bool en) => code switch
    {
        "missing" => Text(SignInError.Missing, en),
        "invalid" => Text(SignInError.Invalid, en),
        "locked" => Text(SignInError.Locked, en),
        "code" => Text(SignInError.CodeInvalid, en),
        _ => null,
    };

    private static string Text(SignInError e, bool en) => e switch
    {
        SignInError.Missing => en ? "Enter your e-mail and password." : "Введите e-mail и пароль.",
        SignInError.Locked => en ? "Too many attempts. Signing in is paused for a while, try again later."
            : "Слишком много попыток. Вход временно приостановлен, попробуйте позже.",
        SignInError.CodeRequired => en ? "Enter the code from your authenticator app." : "Введите код из приложения-аутентификатора.",
        SignInError.CodeInvalid => en ? "Wrong or already used code. Try the current code or a recovery code."
            : "Неверный или уже использованный код. Введите текущий код или код восстановления.",
        _ => en ? "Wrong e-mail or password." : "Неверный e-mail или пароль.",
    };
}
