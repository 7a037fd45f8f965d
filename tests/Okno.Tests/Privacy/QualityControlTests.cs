using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Okno.Tests.Channels.GreenApi;
using Okno.Tests.Channels.WhatsApp;
using Okno.Tests.Infrastructure;
using Okno.Tests.Security;

namespace Okno.Tests.Privacy;

/// <summary>Issue 15.1: the quality controller reads every conversation with phones masked and can change nothing.</summary>
public abstract class QualityControlTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private static readonly string[] Writes = ["POST", "PUT", "PATCH", "DELETE"];

    [SkippableFact]
    public async Task CreateUser_RoleQc_201AndListedAsQc()
    {
        var (_, id) = await SecurityKit.CreateUserAsync(App, "qc");

        using var admin = App.Api();
        var list = await admin.GetFromJsonAsync<JsonArray>("/api/v1/users");
        Assert.Equal("qc", list!.Single(u => u!["id"]!.GetValue<long>() == id)!["role"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Qc_ReadsAColleaguesConversation_PhoneMasked()
    {
        var green = await GreenApiTestKit.CreateAsync(App);
        var phone = Inbox.NewPhone();
        var tag = Guid.NewGuid().ToString("N")[..8];
        await green.PostAsync(green.Sim.IncomingText(green.IdInstance, phone, "Здравствуйте " + tag));
        var conversationId = (await Inbox.ConversationAsync(App, tag))["id"]!.GetValue<long>();
        var (_, operatorId) = await SecurityKit.CreateUserAsync(App, "operator");
        using (var admin = App.Api())
            (await admin.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/assign", new { userId = operatorId })).EnsureSuccessStatusCode();
        var (email, _) = await SecurityKit.CreateUserAsync(App, "qc");
        using var qc = await SecurityKit.SignedInAsync(App, email);

        var one = await qc.GetAsync($"/api/v1/conversations/{conversationId}");
        var list = await qc.GetFromJsonAsync<JsonObject>("/api/v1/conversations?limit=200");
        var contactId = (await one.Content.ReadFromJsonAsync<JsonObject>())!["contactId"]!.GetValue<long>();
        var contact = await qc.GetStringAsync($"/api/v1/contacts/{contactId}");

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Contains(list!["items"]!.AsArray(), c => c!["id"]!.GetValue<long>() == conversationId);
        Assert.DoesNotContain(phone[1..8], contact, StringComparison.Ordinal);
        Assert.Contains("*** ***-" + phone[^4..^2] + "-" + phone[^2..], contact, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every write endpoint of the API (found through the endpoint data source, so new ones are covered) answers 403 —
    /// except exactly the review endpoints (a scorecard, a verdict's audit), qc's own work.
    /// </summary>
    [SkippableFact]
    public async Task Qc_EveryWriteEndpointOfTheApi_403_ButTheReviewEndpoints()
    {
        var (email, _) = await SecurityKit.CreateUserAsync(App, "qc");
        using var qc = await SecurityKit.SignedInAsync(App, email);
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Where(Writes.Contains).Select(m => (Method: m, Route: e.RoutePattern)))
            .Where(x => x.Route.RawText is { } raw && raw.StartsWith("/api/", StringComparison.Ordinal) && !raw.StartsWith("/api/v1/auth/", StringComparison.Ordinal))
            .ToList();
        string[] reviewWrites = ["POST /api/v1/conversations/1/reviews", "POST /api/v1/conversations/1/target-audit"];
        Assert.True(endpoints.Count >= 20, $"only {endpoints.Count} write endpoints found");

        var allowed = new List<string>();
        foreach (var (method, route) in endpoints)
        {
            var url = Url(route);
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            var response = await qc.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Forbidden) allowed.Add($"{method} {url}");
        }
        Assert.Equal(reviewWrites, allowed.Order(StringComparer.Ordinal));
    }

    private static string Url(Microsoft.AspNetCore.Routing.Patterns.RoutePattern route)
    {
        var parts = route.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart s2 => s2.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart param => param.ParameterPolicies.Any(x => x.Content == "guid")
                ? Guid.NewGuid().ToString() : param.ParameterPolicies.Any(x => x.Content is "long" or "int") ? "1" : "x",
            _ => "",
        })));
        return "/" + string.Join("/", parts);
    }
}

public sealed class SqliteQualityControlTests(SqliteOknoApp app) : QualityControlTests<SqliteOknoApp>(app);

public sealed class PostgresQualityControlTests(PostgresOknoApp app) : QualityControlTests<PostgresOknoApp>(app);
