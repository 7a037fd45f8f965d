using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Infrastructure;
using Okno.Tests.Security;

namespace Okno.Tests.Privacy;

/// <summary>Issue 15.1, the ethical wall: a restricted client is seen by the named users only — by id, list, search, contact card and hub.</summary>
public abstract class EthicalWallTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private sealed record Walled(long Conversation, long Contact, long Open, string Tag, string Named, string Operator, string Supervisor);

    /// <summary>Two clients; the first one's contact is walled, only the named operator behind it.</summary>
    private async Task<Walled> SetUpAsync(bool onConversation = false)
    {
        // Letters only: a search term with five digits or more is dropped for roles that do not see phones.
        var tag = "стена" + new string(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))).ToArray());
        var (walled, contact) = await PrivacyKit.ConversationAsync(App, "Закрытый", tag);
        var (open, _) = await PrivacyKit.ConversationAsync(App, "Открытый", tag);
        var (named, namedId) = await SecurityKit.CreateUserAsync(App, "operator");
        var (other, _) = await SecurityKit.CreateUserAsync(App, "operator");
        var (supervisor, _) = await SecurityKit.CreateUserAsync(App, "supervisor");
        using var admin = App.Api();
        var url = onConversation ? $"/api/v1/conversations/{walled}/restriction" : $"/api/v1/contacts/{contact}/restriction";
        var put = await admin.PutAsJsonAsync(url, new { userIds = new[] { namedId } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        return new Walled(walled, contact, open, tag, named, other, supervisor);
    }

    private static async Task<List<long>> ListAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonObject>("/api/v1/conversations?limit=200"))!["items"]!.AsArray().Select(c => c!["id"]!.GetValue<long>()).ToList();

    [SkippableFact]
    public async Task WalledContact_UnnamedOperatorSupervisorAndAdmin404_NamedOperator200()
    {
        var w = await SetUpAsync();
        foreach (var email in new[] { w.Operator, w.Supervisor })
        {
            using var unnamed = await SecurityKit.SignedInAsync(App, email);
            Assert.Equal(HttpStatusCode.NotFound, (await unnamed.GetAsync($"/api/v1/conversations/{w.Conversation}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await unnamed.GetAsync($"/api/v1/conversations/{w.Conversation}/messages")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await unnamed.GetAsync($"/api/v1/contacts/{w.Contact}")).StatusCode);
            var list = await ListAsync(unnamed);
            Assert.DoesNotContain(w.Conversation, list);
            Assert.Contains(w.Open, list);
        }
        using var admin = App.Api();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/conversations/{w.Conversation}")).StatusCode);

        using var named = await SecurityKit.SignedInAsync(App, w.Named);
        Assert.Equal(HttpStatusCode.OK, (await named.GetAsync($"/api/v1/conversations/{w.Conversation}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await named.GetAsync($"/api/v1/contacts/{w.Contact}")).StatusCode);
        Assert.Contains(w.Conversation, await ListAsync(named));
    }

    [SkippableFact]
    public async Task WalledContact_SearchAndContactSearchSkipItForTheUnnamed()
    {
        var w = await SetUpAsync();
        using var named = await SecurityKit.SignedInAsync(App, w.Named);
        await OknoApp.EventuallyAsync(async () =>
        {
            var ids = (await named.GetFromJsonAsync<JsonObject>("/api/v1/search?q=" + w.Tag))!["items"]!.AsArray().Select(h => h!["conversationId"]!.GetValue<long>()).ToList();
            return ids.Contains(w.Conversation) && ids.Contains(w.Open) ? ids : null; // the index has both
        }, what: "both conversations in the named operator's search");

        using var supervisor = await SecurityKit.SignedInAsync(App, w.Supervisor);
        var hits = (await supervisor.GetFromJsonAsync<JsonObject>("/api/v1/search?q=" + w.Tag))!["items"]!.AsArray().Select(h => h!["conversationId"]!.GetValue<long>()).ToList();
        Assert.Contains(w.Open, hits);
        Assert.DoesNotContain(w.Conversation, hits);
        var contacts = (await supervisor.GetFromJsonAsync<JsonObject>("/api/v1/contacts?search=Закрытый"))!["items"]!.AsArray().Select(c => c!["id"]!.GetValue<long>()).ToList();
        Assert.DoesNotContain(w.Contact, contacts);
    }

    [SkippableFact]
    public async Task WalledContact_ExportsRefusedToTheUnnamedSupervisor_NamedSupervisorExports()
    {
        var w = await SetUpAsync();
        using var unnamed = await SecurityKit.SignedInAsync(App, w.Supervisor);
        Assert.Equal(HttpStatusCode.NotFound, (await unnamed.GetAsync($"/api/v1/contacts/{w.Contact}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await unnamed.GetAsync($"/api/v1/conversations/{w.Conversation}/export/court")).StatusCode);

        var (email, id) = await SecurityKit.CreateUserAsync(App, "supervisor");
        using var admin = App.Api();
        var members = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/contacts/{w.Contact}/restriction"))!["userIds"]!.AsArray().Select(u => u!.GetValue<long>()).Append(id);
        (await admin.PutAsJsonAsync($"/api/v1/contacts/{w.Contact}/restriction", new { userIds = members })).EnsureSuccessStatusCode();
        using var named = await SecurityKit.SignedInAsync(App, email);
        Assert.Equal(HttpStatusCode.OK, (await named.GetAsync($"/api/v1/contacts/{w.Contact}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await named.GetAsync($"/api/v1/conversations/{w.Conversation}/export/court")).StatusCode);
    }

    [SkippableFact]
    public async Task WalledConversation_HubEventsReachOnlyTheNamed()
    {
        var w = await SetUpAsync(onConversation: true);
        var (unnamedHub, unnamedGot) = await PrivacyKit.HubAsync(App, w.Supervisor);
        var (namedHub, namedGot) = await PrivacyKit.HubAsync(App, w.Named);
        await using (unnamedHub)
        await using (namedHub)
        {
            using var named = await SecurityKit.SignedInAsync(App, w.Named);
            (await named.PostAsJsonAsync($"/api/v1/conversations/{w.Conversation}/notes", new { text = "За стеной" })).EnsureSuccessStatusCode();
            (await named.PostAsJsonAsync($"/api/v1/conversations/{w.Open}/notes", new { text = "Открыто" })).EnsureSuccessStatusCode();

            await OknoApp.EventuallyAsync(() => { lock (namedGot) return Task.FromResult(namedGot.Contains(w.Conversation) && namedGot.Contains(w.Open)); }, what: "the named user's events");
            await OknoApp.EventuallyAsync(() => { lock (unnamedGot) return Task.FromResult(unnamedGot.Contains(w.Open)); }, what: "the open conversation's event for the unnamed");
            lock (unnamedGot) Assert.DoesNotContain(w.Conversation, unnamedGot);
        }
    }

    [SkippableFact]
    public async Task Wall_AssignToUnnamed400_LiftRestoresAccess_ChangesAudited()
    {
        var w = await SetUpAsync();
        using var admin = App.Api();
        var (_, unnamedId) = await SecurityKit.CreateUserAsync(App, "operator");
        var namedId = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/contacts/{w.Contact}/restriction"))!["userIds"]![0]!.GetValue<long>();
        using var named = await SecurityKit.SignedInAsync(App, w.Named);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await named.PostAsJsonAsync($"/api/v1/conversations/{w.Conversation}/assign", new { userId = unnamedId })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await named.PostAsJsonAsync($"/api/v1/conversations/{w.Conversation}/assign", new { userId = namedId })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/contacts/{w.Contact}/restriction")).StatusCode);
        using var supervisor = await SecurityKit.SignedInAsync(App, w.Supervisor);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/v1/conversations/{w.Conversation}")).StatusCode);
        var actions = (await PrivacyKit.AuditAsync(App, $"objectType=contact&objectId={w.Contact}")).Select(e => e!["action"]!.GetValue<string>()).ToList();
        Assert.Contains("wall.set", actions);
        Assert.Contains("wall.lift", actions);
    }

    [SkippableFact]
    public async Task Restriction_BadInput400_NotAdmin403_Unknown404()
    {
        var (_, contact) = await PrivacyKit.ConversationAsync(App, "Проверка");
        using var admin = App.Api();
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"/api/v1/contacts/{contact}/restriction", new { userIds = Array.Empty<long>() })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"/api/v1/contacts/{contact}/restriction", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"/api/v1/contacts/{contact}/restriction", new { userIds = new[] { 987654321L } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/v1/contacts/987654321/restriction", new { userIds = new[] { 1L } })).StatusCode);
        var (email, id) = await SecurityKit.CreateUserAsync(App, "supervisor");
        using var supervisor = await SecurityKit.SignedInAsync(App, email);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PutAsJsonAsync($"/api/v1/contacts/{contact}/restriction", new { userIds = new[] { id } })).StatusCode);
    }
}

public sealed class SqliteEthicalWallTests(SqliteOknoApp app) : EthicalWallTests<SqliteOknoApp>(app);

public sealed class PostgresEthicalWallTests(PostgresOknoApp app) : EthicalWallTests<PostgresOknoApp>(app);
