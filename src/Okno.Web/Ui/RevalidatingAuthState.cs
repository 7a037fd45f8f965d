using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Web.Auth;

namespace Okno.Web.Ui;

/// <summary>
/// A web app session lives as long as its tab: every minute it checks that the user is still active with the
/// same role and security stamp, so a deactivated or demoted colleague, or one signed out everywhere, is shown the sign-in page without waiting for the cookie to expire.
/// </summary>
public sealed class RevalidatingAuthState(ILoggerFactory loggers, IServiceScopeFactory scopes) : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        if (state.User.Identity?.IsAuthenticated != true || state.User.FindFirstValue(ClaimTypes.NameIdentifier) is null) return false;
        var me = CurrentUser.From(state.User);
        var stamp = CurrentUser.StampOf(state.User);
        if (stamp is not { Length: > 0 }) return false;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
            return await db.Users.AnyAsync(u => u.Id == me.Id && u.IsActive && u.Role == me.Role && u.SecurityStamp == stamp, cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            return true; // the host is stopping: nothing to decide about this user
        }
    }
}
