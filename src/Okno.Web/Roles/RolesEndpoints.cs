using Microsoft.AspNetCore.Http.HttpResults;
using Okno.Core.Operators;
using Okno.Web.Auth;

namespace Okno.Web.Roles;

/// <summary>GET /api/v1/roles — the permission matrix; PUT /api/v1/roles/email-masking — which roles see e-mails masked (administrators).</summary>
public static class RolesEndpoints
{
    public sealed record MaskingBody(IReadOnlyList<string>? MaskedRoles);
    public sealed record MaskingDto(IReadOnlyList<string> MaskedRoles);

    public static void AddRoles(this WebApplicationBuilder builder) => builder.Services.AddScoped<RoleMatrix>();

    public static void MapRoles(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/roles").WithTags("Roles").RequireAuthorization(AuthSetup.AdminPolicy);
        group.MapGet("/", async (RoleMatrix matrix, CancellationToken ct) => TypedResults.Ok(await matrix.ReadAsync(ct)));
        group.MapPut("/email-masking", SetMaskingAsync);
    }

    private static async Task<Results<Ok<MaskingDto>, ValidationProblem>> SetMaskingAsync(MaskingBody? body, RoleMatrix matrix, CancellationToken ct)
    {
        if (body?.MaskedRoles is not { } names)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["maskedRoles"] = ["Укажите список ролей (можно пустой): " + UserRoles.WireNames] });
        var roles = new HashSet<UserRole>();
        foreach (var name in names)
        {
            if (!UserRoles.TryParse(name, out var role))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["maskedRoles"] = [$"Неизвестная роль «{name}»: {UserRoles.WireNames}"] });
            roles.Add(role);
        }
        return TypedResults.Ok(new MaskingDto(await matrix.SetEmailMaskingAsync(roles, ct)));
    }
}
