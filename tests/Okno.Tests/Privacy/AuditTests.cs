using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Okno.Core.Audit;
using Okno.Tests.Infrastructure;
using Okno.Tests.Security;

namespace Okno.Tests.Privacy;

/// <summary>Issue 15.2: the audit of reads, sign-ins and changes, its filters, cursor and CSV, and the chain under parallel writers.</summary>
public abstract class AuditTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableFact]
    public async Task ConversationRead_ByOperator_OneEntryWithTheirIdPerWindow()
    {
        var (id, _) = await PrivacyKit.ConversationAsync(App);
        var (email, operatorId) = await SecurityKit.CreateUserAsync(App, "operator");
        using var op = await SecurityKit.SignedInAsync(App, email);

        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync($"/api/v1/conversations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync($"/api/v1/conversations/{id}/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync($"/api/v1/conversations/{id}")).StatusCode);

        var items = await PrivacyKit.AuditAsync(App, $"objectType=conversation&objectId={id}&userId={operatorId}");
        var reads = items.Where(e => e!["action"]!.GetValue<string>() == "conversation.read").ToList();
        var read = Assert.Single(reads)!;
        Assert.Equal(operatorId, read["userId"]!.GetValue<long>());
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), read["objectId"]!.GetValue<string>());
        Assert.Equal(64, read["hash"]!.GetValue<string>().Length);
        Assert.True(read["at"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [SkippableFact]
    public async Task ContactCard_Opened_ContactReadWritten()
    {
        var (_, contactId) = await PrivacyKit.ConversationAsync(App);
        var (email, operatorId) = await SecurityKit.CreateUserAsync(App, "operator");
        using var op = await SecurityKit.SignedInAsync(App, email);

        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync($"/api/v1/contacts/{contactId}")).StatusCode);

        var items = await PrivacyKit.AuditAsync(App, $"objectType=contact&objectId={contactId}&userId={operatorId}");
        Assert.Contains(items, e => e!["action"]!.GetValue<string>() == "contact.read");
    }

    [SkippableFact]
    public async Task SignIn_FailureThenSuccess_BothWritten()
    {
        var (email, userId) = await SecurityKit.CreateUserAsync(App, "lawyer");
        using (var anonymous = App.CreateClient())
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "wrong-password-1" })).StatusCode);
        using var signedIn = await SecurityKit.SignedInAsync(App, email);

        var items = await PrivacyKit.AuditAsync(App, $"objectType=user&objectId={userId}");
        var failed = Assert.Single(items, e => e!["action"]!.GetValue<string>() == "auth.sign-in-failed")!;
        Assert.Null(failed["userId"]);
        var ok = Assert.Single(items, e => e!["action"]!.GetValue<string>() == "auth.sign-in")!;
        Assert.Equal(userId, ok["userId"]!.GetValue<long>());
    }

    [SkippableFact]
    public async Task RoleChangeAndHandOff_Written()
    {
        var (id, _) = await PrivacyKit.ConversationAsync(App);
        var (_, userId) = await SecurityKit.CreateUserAsync(App, "operator");
        var (_, lawyerId) = await SecurityKit.CreateUserAsync(App, "lawyer");
        using var admin = App.Api();
        (await admin.PatchAsJsonAsync($"/api/v1/users/{userId}", new { role = "supervisor" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/v1/conversations/{id}/handoff", new { toUserId = lawyerId, comment = "по договору" })).EnsureSuccessStatusCode();

        var roles = await PrivacyKit.AuditAsync(App, $"objectType=user&objectId={userId}&action=user.role-change");
        Assert.Equal("operator→supervisor", Assert.Single(roles)!["detail"]!.GetValue<string>());
        var handoffs = await PrivacyKit.AuditAsync(App, $"objectType=conversation&objectId={id}&action=conversation.handoff");
        Assert.Single(handoffs);
    }

    [SkippableFact]
    public async Task List_CursorPagesAndBadFilter400()
    {
        for (var i = 0; i < 3; i++) await SecurityKit.CreateUserAsync(App, "operator");
        using var admin = App.Api();

        var first = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/audit?limit=2"))!;
        var cursor = first["nextCursor"]!.GetValue<string>();
        var second = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/audit?limit=2&cursor={cursor}"))!;

        var firstIds = first["items"]!.AsArray().Select(e => e!["id"]!.GetValue<long>()).ToList();
        var secondIds = second["items"]!.AsArray().Select(e => e!["id"]!.GetValue<long>()).ToList();
        Assert.Equal(2, firstIds.Count);
        Assert.True(secondIds.Count > 0);
        Assert.True(secondIds.Max() < firstIds.Min(), "the next page continues below the first");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/audit?objectType=planet")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/audit?cursor=abc")).StatusCode);
    }

    [SkippableFact]
    public async Task Audit_Operator403()
    {
        var (email, _) = await SecurityKit.CreateUserAsync(App, "operator");
        using var op = await SecurityKit.SignedInAsync(App, email);

        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync("/api/v1/audit/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.GetAsync("/api/v1/audit/export.csv")).StatusCode);
    }

    [SkippableFact]
    public async Task ExportCsv_RowsAndItsOwnExportEntry()
    {
        await SecurityKit.CreateUserAsync(App, "lawyer");
        using var admin = App.Api();

        var response = await admin.GetAsync("/api/v1/audit/export.csv?objectType=user");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("id,at,userId,user,action,objectType,objectId,ip,detail,hash", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("user.create", csv, StringComparison.Ordinal);
        var exports = await PrivacyKit.AuditAsync(App, "objectType=export");
        Assert.Contains(exports, e => e!["action"]!.GetValue<string>() == "export" && e["detail"]!.GetValue<string>().StartsWith("rows=", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task ParallelAppends_ChainStaysWholeWithoutGaps()
    {
        var log = App.Services.GetRequiredService<AuditLog>();
        var tag = Guid.NewGuid().ToString("N")[..12];

        var ids = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() =>
            log.AppendAsync(new AuditRecord(null, "test.parallel", "user", tag + i, "127.0.0.1")))));

        Assert.Equal(24, ids.Distinct().Count());
        var verdict = await PrivacyKit.VerifyAsync(App);
        Assert.True(verdict["ok"]!.GetValue<bool>(), verdict.ToJsonString());
        Assert.Null(verdict["firstBrokenId"]);
        Assert.True(verdict["entries"]!.GetValue<long>() >= 24);
    }
}

public sealed class SqliteAuditTests(SqliteOknoApp app) : AuditTests<SqliteOknoApp>(app);

public sealed class PostgresAuditTests(PostgresOknoApp app) : AuditTests<PostgresOknoApp>(app);
