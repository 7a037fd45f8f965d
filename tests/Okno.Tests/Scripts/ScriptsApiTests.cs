using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Scripts;

public abstract class ScriptsApiTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableFact]
    public async Task Scripts_CreateChangeDelete_ListFollows()
    {
        using var client = App.Api();
        var created = await client.PostAsJsonAsync("/api/v1/scripts", new { title = "Приветствие", text = "Здравствуйте, {client_name}!" });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();
        var changed = await client.PutAsJsonAsync($"/api/v1/scripts/{id}", new { title = "Приветствие", text = "Добрый день, {client_name}!" });
        var list = await App.GetJsonAsync("/api/v1/scripts");
        var deleted = await client.DeleteAsync($"/api/v1/scripts/{id}");
        var after = await App.GetJsonAsync("/api/v1/scripts");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains(list["items"]!.AsArray(), s => s!["text"]!.GetValue<string>() == "Добрый день, {client_name}!");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.DoesNotContain(after["items"]!.AsArray(), s => s!["id"]!.GetValue<long>() == id);
    }

    [SkippableFact]
    public async Task Scripts_EmptyTitle_422()
    {
        using var client = App.Api();
        var response = await client.PostAsJsonAsync("/api/v1/scripts", new { title = "", text = "x" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [SkippableFact]
    public async Task NotTargetReasons_AddAndSwitchOff_ActiveListDropsIt()
    {
        using var client = App.Api();
        var created = await client.PostAsJsonAsync("/api/v1/not-target-reasons", new { text = "Спам " + Guid.NewGuid().ToString("N")[..6] });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<long>();
        await client.PatchAsJsonAsync($"/api/v1/not-target-reasons/{id}", new { isActive = false });
        var active = await App.GetJsonAsync("/api/v1/not-target-reasons");
        var all = await App.GetJsonAsync("/api/v1/not-target-reasons?all=true");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.DoesNotContain(active["items"]!.AsArray(), r => r!["id"]!.GetValue<long>() == id);
        Assert.Contains(all["items"]!.AsArray(), r => r!["id"]!.GetValue<long>() == id);
    }
}

public sealed class ScriptsApiSqliteTests(SqliteOknoApp app) : ScriptsApiTests<SqliteOknoApp>(app);

public sealed class ScriptsApiPostgresTests(PostgresOknoApp app) : ScriptsApiTests<PostgresOknoApp>(app);
