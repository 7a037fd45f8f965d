using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Audit;
using Okno.Core.Data;
using Okno.Core.Operators;
using Okno.Web.Audit;
using Okno.Web.Auth;

namespace Okno.Web.TwoFactor;

/// <summary>Two-factor sign-in: the user's own enrolment under /api/v1/auth/2fa, the administrator's per-role requirement and reset.</summary>
public static class TwoFactorEndpoints
{
    public sealed record Status(bool Enabled, bool Pending, bool Required, int RecoveryCodesLeft);
    public sealed record Enrolment(string Secret, string OtpauthUri, string QrCode);
    public sealed record CodeBody(string? Code);
    public sealed record PasswordBody(string? Password);
    public sealed record NewCodes(IReadOnlyList<string> RecoveryCodes);
    public sealed record Policy(IReadOnlyList<string>? RequiredRoles);

    public static void AddTwoFactor(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TwoFactorCodes>();
        builder.Services.AddSingleton<PendingSignIn>();
    }

    public static void MapTwoFactor(this WebApplication app)
    {
        var own = app.MapGroup("/api/v1/auth/2fa").WithTags("Auth").RequireAuthorization();
        own.MapGet("/", StatusAsync);
        own.MapPost("/enroll", EnrollAsync);
        own.MapPost("/confirm", ConfirmAsync);
        own.MapPost("/disable", DisableAsync);
        own.MapPost("/recovery-codes", RenewCodesAsync);

        var admin = app.MapGroup("/api/v1/two-factor").WithTags("Auth").RequireAuthorization(AuthSetup.AdminPolicy);
        admin.MapGet("/policy", async (OknoDbContext db, CancellationToken ct) => TypedResults.Ok(new Policy(await RequiredRolesAsync(db, ct))));
        admin.MapPut("/policy", SetPolicyAsync);
        app.MapDelete("/api/v1/users/{id:long}/2fa", ResetAsync).WithTags("Users").RequireAuthorization(AuthSetup.AdminPolicy);
    }

    private static async Task<User> MeAsync(HttpContext ctx, OknoDbContext db)
    {
        var id = CurrentUser.From(ctx.User).Id;
        return await db.Users.FirstAsync(u => u.Id == id, ctx.RequestAborted);
    }

    private static async Task<Ok<Status>> StatusAsync(HttpContext ctx, OknoDbContext db, TwoFactorCodes codes)
    {
        var me = await MeAsync(ctx, db);
        return TypedResults.Ok(new Status(me.TwoFactorEnabled, me.PendingTotpSecret is not null,
            await codes.RequiredForAsync(me.Role, ctx.RequestAborted), me.TwoFactorEnabled ? await codes.RecoveryCodesLeftAsync(me.Id, ctx.RequestAborted) : 0));
    }

    private static async Task<Results<Ok<Enrolment>, ProblemHttpResult>> EnrollAsync(HttpContext ctx, OknoDbContext db, TwoFactorCodes codes)
    {
        var me = await MeAsync(ctx, db);
        if (me.TwoFactorEnabled)
            return TypedResults.Problem("Двухфакторный вход уже включён. Чтобы подключить другое устройство, сначала отключите его.", statusCode: 409, title: "Уже включено");
        var (secret, protectedSecret) = codes.NewSecret();
        me.BeginTwoFactor(protectedSecret);
        await db.SaveChangesAsync(ctx.RequestAborted);
        var uri = TwoFactorCodes.OtpAuthUri(me.Email, secret);
        return TypedResults.Ok(new Enrolment(secret, uri, TwoFactorCodes.QrDataUri(uri)));
    }

    private static async Task<Results<Ok<NewCodes>, ValidationProblem, ProblemHttpResult>> ConfirmAsync(CodeBody? body, HttpContext ctx, OknoDbContext db, TwoFactorCodes codes, AuditTrail audit)
    {
        if (body?.Code is not { Length: > 0 and <= 16 } code)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = ["Введите шестизначный код из приложения."] });
        var me = await MeAsync(ctx, db);
        if (me.TwoFactorEnabled) return TypedResults.Problem("Двухфакторный вход уже включён.", statusCode: 409, title: "Уже включено");
        if (me.PendingTotpSecret is not { } pending)
            return TypedResults.Problem("Сначала начните подключение: POST /api/v1/auth/2fa/enroll.", statusCode: 409, title: "Нет подключения");
        if (codes.MatchingStep(pending, code) is not { } step)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = ["Код не подходит: проверьте время на телефоне и введите текущий код."] });
        me.ConfirmTwoFactor(step);
        await db.SaveChangesAsync(ctx.RequestAborted);
        var recovery = await codes.NewRecoveryCodesAsync(me.Id, ctx.RequestAborted);
        await audit.RecordAsync(AuditActions.TwoFactorEnabled, AuditObjects.User, AuditChain.Id(me.Id), ct: ctx.RequestAborted);
        await RefreshCookieAsync(ctx, me);
        return TypedResults.Ok(new NewCodes(recovery));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DisableAsync(PasswordBody? body, HttpContext ctx, OknoDbContext db, TwoFactorCodes codes, AuditTrail audit)
    {
        var me = await MeAsync(ctx, db);
        if (body?.Password is not { Length: > 0 } password || !Passwords.Verify(me, password))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = ["Введите свой текущий пароль."] });
        if (await codes.RequiredForAsync(me.Role, ctx.RequestAborted))
            return TypedResults.Problem("Администратор требует двухфакторный вход для вашей роли: отключить его нельзя.", statusCode: 409, title: "Требуется");
        if (!me.TwoFactorEnabled && me.PendingTotpSecret is null) return TypedResults.NoContent();
        me.DisableTwoFactor();
        await db.SaveChangesAsync(ctx.RequestAborted);
        await db.RecoveryCodes.Where(r => r.UserId == me.Id).ExecuteDeleteAsync(ctx.RequestAborted);
        await audit.RecordAsync(AuditActions.TwoFactorDisabled, AuditObjects.User, AuditChain.Id(me.Id), ct: ctx.RequestAborted);
        await RefreshCookieAsync(ctx, me);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<NewCodes>, ValidationProblem, ProblemHttpResult>> RenewCodesAsync(PasswordBody? body, HttpContext ctx, OknoDbContext db, TwoFactorCodes codes, AuditTrail audit)
    {
        var me = await MeAsync(ctx, db);
        if (body?.Password is not { Length: > 0 } password || !Passwords.Verify(me, password))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = ["Введите свой текущий пароль."] });
        if (!me.TwoFactorEnabled) return TypedResults.Problem("Двухфакторный вход не включён.", statusCode: 409, title: "Не включено");
        var recovery = await codes.NewRecoveryCodesAsync(me.Id, ctx.RequestAborted);
        await audit.RecordAsync(AuditActions.RecoveryCodesRenewed, AuditObjects.User, AuditChain.Id(me.Id), ct: ctx.RequestAborted);
        return TypedResults.Ok(new NewCodes(recovery));
    }

    /// <summary>
    /// Sets which roles must use two-factor sign-in. Users of a newly required role who have not enabled it are
    /// signed out everywhere; their next sign-in is good only for enrolling.
    /// </summary>
    private static async Task<Results<Ok<Policy>, ValidationProblem>> SetPolicyAsync(Policy? body, HttpContext ctx, OknoDbContext db, AuditTrail audit)
    {
        if (body?.RequiredRoles is not { } names)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["requiredRoles"] = ["Укажите список ролей (можно пустой): " + UserRoles.WireNames] });
        var roles = new HashSet<UserRole>();
        foreach (var name in names)
        {
            if (!UserRoles.TryParse(name, out var role))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["requiredRoles"] = [$"Неизвестная роль «{name}»: {UserRoles.WireNames}"] });
            roles.Add(role);
        }
        return TypedResults.Ok(new Policy(await ApplyPolicyAsync(db, audit, roles, ctx.RequestAborted)));
    }

    /// <summary>Saves which roles must use two-factor sign-in (the API and /admin/roles share it).</summary>
    public static async Task<List<string>> ApplyPolicyAsync(OknoDbContext db, AuditTrail audit, IReadOnlySet<UserRole> roles, CancellationToken ct)
    {
        var rows = await db.RolePolicies.ToListAsync(ct);
        foreach (var role in Enum.GetValues<UserRole>())
        {
            var row = rows.FirstOrDefault(r => r.Role == role);
            if (row is null) db.RolePolicies.Add(new RolePolicy(role, roles.Contains(role)));
            else row.Set(roles.Contains(role));
        }
        var newlyRequired = roles.Where(r => !rows.Any(x => x.Role == r && x.RequireTwoFactor)).ToList();
        foreach (var user in await db.Users.Where(u => newlyRequired.Contains(u.Role) && u.TotpSecret == null).ToListAsync(ct)) user.RotateSecurityStamp();
        await db.SaveChangesAsync(ct);
        var wire = roles.Select(r => r.ToWireName()).Order(StringComparer.Ordinal).ToList();
        await audit.RecordAsync(AuditActions.TwoFactorPolicy, AuditObjects.User, null, "required=" + string.Join(',', wire), ct);
        return wire;
    }

    /// <summary>A colleague lost their phone and their recovery codes: the administrator turns two-factor off for them.</summary>
    private static async Task<Results<NoContent, NotFound>> ResetAsync(long id, HttpContext ctx, OknoDbContext db, AuditTrail audit)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ctx.RequestAborted);
        if (user is null) return TypedResults.NotFound();
        user.DisableTwoFactor();
        await db.SaveChangesAsync(ctx.RequestAborted);
        await db.RecoveryCodes.Where(r => r.UserId == id).ExecuteDeleteAsync(ctx.RequestAborted);
        await audit.RecordAsync(AuditActions.TwoFactorDisabled, AuditObjects.User, AuditChain.Id(id), "by=admin", ctx.RequestAborted);
        return TypedResults.NoContent();
    }

    public static async Task<List<string>> RequiredRolesAsync(OknoDbContext db, CancellationToken ct) =>
        (await db.RolePolicies.Where(p => p.RequireTwoFactor).Select(p => p.Role).ToListAsync(ct)).Select(r => r.ToWireName()).Order(StringComparer.Ordinal).ToList();

    /// <summary>The stamp changed: this browser gets a fresh cookie (without the enrol-only mark once enabled).</summary>
    private static async Task RefreshCookieAsync(HttpContext ctx, User me)
    {
        if (ctx.User.Identity?.AuthenticationType != CookieAuthenticationDefaults.AuthenticationScheme) return;
        var mustEnrol = !me.TwoFactorEnabled && await ctx.RequestServices.GetRequiredService<TwoFactorCodes>().RequiredForAsync(me.Role, ctx.RequestAborted);
        await AuthEndpoints.SignInCookieAsync(ctx, me, mustEnrol);
    }
}
