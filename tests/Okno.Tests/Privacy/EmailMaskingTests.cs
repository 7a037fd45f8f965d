using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Infrastructure;
using Okno.Tests.Security;

namespace Okno.Tests.Privacy;

/// <summary>Issue 15.1: e-mail addresses masked for a role when the administrator sets it — in texts, names, previews and search.</summary>
public abstract class EmailMaskingTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private const string Address = "ivan.petrov@client-firm.ru";

    [SkippableFact]
    public async Task MaskedForOperator_TextNamePreviewMasked_AdminSeesWhole_SearchByAddressFindsNothing()
    {
        var (id, contact) = await PrivacyKit.ConversationAsync(App, "Иван " + Address, "пишите на " + Address);
        using var admin = App.Api();
        var set = await admin.PutAsJsonAsync("/api/v1/roles/email-masking", new { maskedRoles = new[] { "operator" } });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var (email, _) = await SecurityKit.CreateUserAsync(App, "operator");
        using var op = await SecurityKit.SignedInAsync(App, email);

        var messages = (await op.GetFromJsonAsync<JsonObject>($"/api/v1/conversations/{id}/messages"))!.ToJsonString();
        var conversation = (await op.GetFromJsonAsync<JsonObject>($"/api/v1/conversations/{id}"))!.ToJsonString();
        var card = (await op.GetFromJsonAsync<JsonObject>($"/api/v1/contacts/{contact}"))!.ToJsonString();
        foreach (var seen in new[] { messages, conversation, card })
        {
            Assert.DoesNotContain("petrov", seen, StringComparison.Ordinal);
            Assert.DoesNotContain("client-firm", seen, StringComparison.Ordinal);
        }
        Assert.Contains("i***@c***.ru", messages, StringComparison.Ordinal);
        Assert.Contains(Address, (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/conversations/{id}/messages"))!.ToJsonString(), StringComparison.Ordinal);
        var hits = (await op.GetFromJsonAsync<JsonObject>("/api/v1/search?q=" + Uri.EscapeDataString(Address)))!["items"]!.AsArray();
        Assert.Empty(hits);
    }

    [SkippableFact]
    public async Task NotMaskedByDefault_OperatorSeesAddress_BadRole400()
    {
        using var admin = App.Api();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/roles/email-masking", new { maskedRoles = Array.Empty<string>() })).StatusCode);
        var (id, _) = await PrivacyKit.ConversationAsync(App, "Анна", "адрес " + Address);
        var (email, _) = await SecurityKit.CreateUserAsync(App, "operator");
        using var op = await SecurityKit.SignedInAsync(App, email);
        Assert.Contains(Address, (await op.GetFromJsonAsync<JsonObject>($"/api/v1/conversations/{id}/messages"))!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/v1/roles/email-masking", new { maskedRoles = new[] { "boss" } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/v1/roles/email-masking", new { })).StatusCode);
    }
}

public sealed class SqliteEmailMaskingTests(SqliteOknoApp app) : EmailMaskingTests<SqliteOknoApp>(app);

public sealed class PostgresEmailMaskingTests(PostgresOknoApp app) : EmailMaskingTests<PostgresOknoApp>(app);
