using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Users;

public abstract class UsersApiTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private async Task<long> AdminIdAsync()
    {
        using var client = App.Api();
        var users = await client.GetFromJsonAsync<JsonArray>("/api/v1/users");
        return users!.Single(u => u!["email"]!.GetValue<string>() == OknoApp.AdminEmail)!["id"]!.GetValue<long>();
    }

    [SkippableFact]
    public async Task Update_DemoteTheLastAdministrator_409AndStillAdmin()
    {
        var id = await AdminIdAsync();
        using var client = App.Api();

        var response = await client.PatchAsJsonAsync($"/api/v1/users/{id}", new { role = "operator" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("последнего администратора", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var users = await client.GetFromJsonAsync<JsonArray>("/api/v1/users");
        Assert.Equal("admin", users!.Single(u => u!["id"]!.GetValue<long>() == id)!["role"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Update_DeactivateTheLastAdministrator_409()
    {
        var id = await AdminIdAsync();
        using var client = App.Api();

        var response = await client.PatchAsJsonAsync($"/api/v1/users/{id}", new { isActive = false });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [SkippableFact]
    public async Task Update_DemoteAnAdministratorWhenAnotherRemains_200()
    {
        using var client = App.Api();
        var created = await client.PostAsJsonAsync("/api/v1/users", new { email = $"a-{Guid.NewGuid():N}@test.local", name = "Второй админ", role = "admin", password = "Second-admin-1" });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();

        var response = await client.PatchAsJsonAsync($"/api/v1/users/{id}", new { role = "operator" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class UsersApiSqliteTests(SqliteOknoApp app) : UsersApiTests<SqliteOknoApp>(app);

public sealed class UsersApiPostgresTests(PostgresOknoApp app) : UsersApiTests<PostgresOknoApp>(app);
