using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Operators;
using Okno.Web.Auth;

namespace Okno.Web.Hosting;

/// <summary>First start: the first administrator and, when configured, an API token for integrators.</summary>
public static class Bootstrap
{
    /// <summary>The generated password, kept in memory only to be printed once with the URL.</summary>
    public static string? GeneratedPassword { get; private set; }

    /// <summary>A fresh install can mark requests "not target" at once; the administrator edits the list.</summary>
    public static readonly string[] DefaultReasons =
        ["Спам или реклама", "Ошиблись адресом", "Не наш профиль права", "Вопрос не юридический", "Соискатель или поставщик", "Повторное обращение"];

    public static async Task EnsureFirstAdminAsync(IServiceProvider services)
    {
        var options = services.GetRequiredService<OknoOptions>().Bootstrap;
        var db = services.GetRequiredService<OknoDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var admin = await db.Users.FirstOrDefaultAsync(u => u.Role == UserRole.Admin);
        if (admin is null && !await db.Users.AnyAsync())
        {
            admin = new User(options.AdminEmail, "Администратор", UserRole.Admin, clock.GetUtcNow());
            var password = options.AdminPassword;
            if (string.IsNullOrEmpty(password))
            {
                password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y');
                GeneratedPassword = password;
            }
            admin.SetPasswordHash(Passwords.Hash(admin, password));
            db.Users.Add(admin);
            if (!await db.NotTargetReasons.AnyAsync())
                db.NotTargetReasons.AddRange(DefaultReasons.Select(r => new Okno.Core.Conversations.NotTargetReason(r, clock.GetUtcNow())));
            await db.SaveChangesAsync();
        }

        if (admin is not null && options.ApiToken is { Length: > 0 } token)
        {
            var hash = ApiToken.HashOf(token);
            if (!await db.ApiTokens.AnyAsync(t => t.Hash == hash))
            {
                db.ApiTokens.Add(new ApiToken(admin.Id, "bootstrap", token, clock.GetUtcNow()));
                await db.SaveChangesAsync();
            }
        }
    }

    public static void PrintWelcomeOnStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var options = app.Services.GetRequiredService<OknoOptions>();
            var url = app.Urls.FirstOrDefault() ?? "http://localhost:5000";
            // Console, not the logger: the first password must not end up in log files.
            Console.WriteLine();
            Console.WriteLine($"  Окно запущено / Okno is running:  {url}");
            Console.WriteLine($"  Вход / Sign in:  {options.Bootstrap.AdminEmail}  /  {GeneratedPassword ?? "(пароль из Okno__Bootstrap__AdminPassword или заданный ранее)"}");
            Console.WriteLine($"  API: {url}/scalar/v1   OpenAPI: {url}/openapi/v1.json");
            Console.WriteLine();
        });
    }
}
