using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Operators;
using Okno.Web.Auth;

namespace Okno.Web.Users;

public static class UsersEndpoints
{
    public sealed record UserDto(long Id, string Email, string Name, string Role, string? Team, bool IsActive, DateTimeOffset CreatedAt, string Scope);
    public sealed record CreateUser(string? Email, string? Name, string? Role, string? Password, string? Team, string? Scope = null);
    public sealed record UpdateUser(string? Name, string? Role, string? Team, bool? IsActive, string? Password, string? Scope = null);

    /// <summary>An operator's scope: "all" (every conversation) or "own-and-queue" (their own, handed off by them, and the queue).</summary>
    public const string ScopeAll = "all", ScopeOwnAndQueue = "own-and-queue";

    public static bool TryParseScope(string? value, out bool ownAndQueueOnly)
    {
        ownAndQueueOnly = value == ScopeOwnAndQueue;
        return value is null or ScopeAll or ScopeOwnAndQueue;
    }

    public static void MapUsers(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization();
        // Everyone may list colleagues (to hand a request off); only admins change them.
        group.MapGet("/", async (UserQueries users, HttpContext ctx) => TypedResults.Ok(await users.ListAsync(ctx.RequestAborted)));
        group.MapPost("/", CreateAsync).RequireAuthorization(AuthSetup.AdminPolicy);
        group.MapPatch("/{id:long}", UpdateAsync).RequireAuthorization(AuthSetup.AdminPolicy);
        // Ends every browser session of the user (a lost laptop, a leaving colleague); API tokens stay as they are.
        group.MapPost("/{id:long}/sign-out-everywhere", async Task<Results<NoContent, NotFound>> (long id, SignOutEverywhere signOut, HttpContext ctx) =>
            await signOut.ExecuteAsync(id, ctx.RequestAborted) ? TypedResults.NoContent() : TypedResults.NotFound()).RequireAuthorization(AuthSetup.AdminPolicy);
    }

    public static void AddUsers(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<UserQueries>();
        builder.Services.AddScoped<InviteUser>();
        builder.Services.AddScoped<ChangeUser>();
        builder.Services.AddScoped<SignOutEverywhere>();
    }

    public static UserDto Dto(User u) => new(u.Id, u.Email, u.Name, u.Role.ToWireName(), u.Team, u.IsActive, u.CreatedAt, u.OwnAndQueueOnly ? ScopeOwnAndQueue : ScopeAll);

    private static async Task<Results<Created<UserDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(CreateUser body, InviteUser invite, HttpContext ctx)
    {
        var result = await invite.ExecuteAsync(body, ctx.RequestAborted);
        if (result.Conflict is { } why) return TypedResults.Problem(why, statusCode: StatusCodes.Status409Conflict, title: "Конфликт");
        if (result.User is not { } user) return TypedResults.ValidationProblem(result.Errors);
        return TypedResults.Created($"/api/v1/users/{user.Id}", Dto(user));
    }

    private static async Task<Results<Ok<UserDto>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(long id, UpdateUser body, ChangeUser change, HttpContext ctx)
    {
        var result = await change.ExecuteAsync(id, body, ctx.RequestAborted);
        if (result.IsNotFound) return TypedResults.NotFound();
        if (result.Conflict is { } why) return TypedResults.Problem(why, statusCode: StatusCodes.Status409Conflict, title: "Конфликт");
        if (result.User is not { } user) return TypedResults.ValidationProblem(result.Errors);
        return TypedResults.Ok(Dto(user));
    }
}
