using System.Net;
using Microsoft.AspNetCore.Hosting;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Security;

/// <summary>Issue 10.17: the OpenAPI document and the Scalar page were open to anyone.</summary>
public sealed class AnonymousApiDocsTests(SqliteOknoApp app) : OknoTest<SqliteOknoApp>(app)
{
    [SkippableFact]
    public async Task OpenApi_Anonymous_401()
    {
        using var client = App.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [SkippableFact]
    public async Task Scalar_Anonymous_SentToSignIn()
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });

        var page = await client.GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/login", page.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task OpenApi_PublicDocsSetting_Anonymous200()
    {
        using var host = App.WithWebHostBuilder(b => b.UseSetting("Okno:Api:PublicDocs", "true"));
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
    }
}
