using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Infrastructure;
using Okno.Tests.Security;

namespace Okno.Tests.Privacy;

/// <summary>
/// Issue 15.1: the matrix /api/v1/roles (and /admin/roles) shows is what enforcement does — for every capability row and
/// every role, a representative request is allowed exactly when the matrix says so.
/// </summary>
public abstract class PermissionMatrixTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private const string Phone = "903 555-44-11";

    private sealed record Staff(HttpClient Client, long Own, long OwnContact);

    [SkippableFact]
    public async Task EveryCapabilityOfTheMatrix_IsWhatARepresentativeRequestGets_ForEveryRole()
    {
        using var admin = App.Api();
        var matrix = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/roles"))!;
        var roles = matrix["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        Assert.Equal(["admin", "supervisor", "operator", "lawyer", "qc"], roles);
        var (colleagues, _) = await PrivacyKit.ConversationAsync(App, "Коллегин");
        var (_, colleagueId) = await SecurityKit.CreateUserAsync(App, "operator");
        (await admin.PostAsJsonAsync($"/api/v1/conversations/{colleagues}/assign", new { userId = colleagueId })).EnsureSuccessStatusCode();

        var staff = new Dictionary<(string Role, bool Narrowed), Staff>();
        async Task<Staff> StaffAsync(string role, bool narrowed)
        {
            if (staff.TryGetValue((role, narrowed), out var known)) return known;
            var (email, id) = await SecurityKit.CreateUserAsync(App, role);
            if (narrowed) (await admin.PatchAsJsonAsync($"/api/v1/users/{id}", new { scope = "own-and-queue" })).EnsureSuccessStatusCode();
            var (own, ownContact) = await PrivacyKit.ConversationAsync(App, "Свой", "позвоните +7 " + Phone);
            (await admin.PostAsJsonAsync($"/api/v1/conversations/{own}/assign", new { userId = id })).EnsureSuccessStatusCode();
            return staff[(role, narrowed)] = new Staff(await SecurityKit.SignedInAsync(App, email), own, ownContact);
        }

        // One probe per capability: does this role get what the capability stands for?
        var probes = new Dictionary<string, Func<string, Task<bool>>>
        {
            ["see-all-conversations"] = async role => (await (await StaffAsync(role, role == "operator")).Client.GetAsync($"/api/v1/conversations/{colleagues}")).StatusCode == HttpStatusCode.OK,
            ["see-team-conversations"] = async role => (await (await StaffAsync(role, false)).Client.GetAsync($"/api/v1/conversations/{colleagues}")).StatusCode == HttpStatusCode.OK,
            ["see-phones"] = async role =>
            {
                var s = await StaffAsync(role, false);
                return (await s.Client.GetStringAsync($"/api/v1/conversations/{s.Own}/messages")).Contains(Phone, StringComparison.Ordinal);
            },
            ["change"] = async role =>
            {
                var s = await StaffAsync(role, false);
                var r = await s.Client.PostAsJsonAsync($"/api/v1/conversations/{s.Own}/notes", new { text = "Проверка матрицы" });
                Assert.True(r.IsSuccessStatusCode || r.StatusCode == HttpStatusCode.Forbidden, r.StatusCode.ToString());
                return r.IsSuccessStatusCode;
            },
            ["manage"] = async role => (await (await StaffAsync(role, false)).Client.GetAsync("/api/v1/audit?limit=1")).StatusCode == HttpStatusCode.OK,
            ["read-reports"] = async role => (await (await StaffAsync(role, false)).Client.GetAsync("/api/v1/reports/live")).StatusCode == HttpStatusCode.OK,
            ["review"] = async role => (await (await StaffAsync(role, false)).Client.GetAsync("/api/v1/reviews/queue")).StatusCode == HttpStatusCode.OK,
            ["export-client-data"] = async role =>
            {
                var s = await StaffAsync(role, false);
                return (await s.Client.GetAsync($"/api/v1/contacts/{s.OwnContact}/export")).StatusCode == HttpStatusCode.OK;
            },
            // An id nobody has: allowed answers 404 (nothing erased), refused 403.
            ["erase-client-data"] = async role => (await (await StaffAsync(role, false)).Client.PostAsync("/api/v1/contacts/987654321/erase", null)).StatusCode == HttpStatusCode.NotFound,
            ["administer"] = async role => (await (await StaffAsync(role, false)).Client.GetAsync("/api/v1/roles")).StatusCode == HttpStatusCode.OK,
        };

        var rows = matrix["capabilities"]!.AsArray();
        Assert.Equal(probes.Count, rows.Count);
        var mismatches = new List<string>();
        foreach (var row in rows)
        {
            var name = row!["name"]!.GetValue<string>();
            Assert.True(probes.ContainsKey(name), "No probe for the capability " + name);
            var holders = row["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ToHashSet();
            foreach (var role in roles)
            {
                var got = await probes[name](role);
                if (got != holders.Contains(role)) mismatches.Add($"{name}/{role}: matrix {holders.Contains(role)}, got {got}");
            }
        }
        foreach (var s in staff.Values) s.Client.Dispose();
        Assert.Empty(mismatches);
    }

    [SkippableFact]
    public async Task Roles_NotAdmin403_MatrixListsSettings()
    {
        var (email, _) = await SecurityKit.CreateUserAsync(App, "supervisor");
        using var supervisor = await SecurityKit.SignedInAsync(App, email);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync("/api/v1/roles")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PutAsJsonAsync("/api/v1/roles/email-masking", new { maskedRoles = Array.Empty<string>() })).StatusCode);
        using var admin = App.Api();
        var matrix = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/roles"))!;
        Assert.NotNull(matrix["emailsMasked"]);
        Assert.NotNull(matrix["twoFactorRequired"]);
        Assert.NotNull(matrix["operatorsOwnAndQueue"]);
    }
}

public sealed class SqlitePermissionMatrixTests(SqliteOknoApp app) : PermissionMatrixTests<SqliteOknoApp>(app);

public sealed class PostgresPermissionMatrixTests(PostgresOknoApp app) : PermissionMatrixTests<PostgresOknoApp>(app);
