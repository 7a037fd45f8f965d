using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Okno.Core.Data;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Hosting;

/// <summary>
/// Behind a proxy: X-Forwarded-For/Proto are honoured from the configured proxies only (loopback by default), so the
/// per-IP widget limit counts clients, not the proxy, and the sign-in cookie is Secure behind TLS.
/// Real Kestrel on a loopback port: the client's address is a real socket's.
/// </summary>
public sealed partial class ForwardedHeadersTests
{
    private sealed class ProxiedOknoApp : OknoApp
    {
        protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
        public string Url { get; private set; } = "";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            UseKestrel(0);
            StartServer();
            Url = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
                .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        }
    }

    private static async Task<ProxiedOknoApp> StartAsync(params (string Key, string Value)[] settings)
    {
        var app = new ProxiedOknoApp();
        app.Settings["Okno:Widget:PerIpPerMinute"] = "3";
        foreach (var (k, v) in settings) app.Settings[k] = v;
        await ((IAsyncLifetime)app).InitializeAsync();
        return app;
    }

    private static async Task<HttpStatusCode> WidgetCallAsync(HttpClient http, string url, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url + "/api/widget/config?channel=none");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task ForwardedFor_FromLoopbackProxy_PerIpLimitCountsEachClient()
    {
        var app = await StartAsync();
        try
        {
            using var http = new HttpClient();
            for (var i = 0; i < 3; i++) Assert.NotEqual(HttpStatusCode.TooManyRequests, await WidgetCallAsync(http, app.Url, "203.0.113.7"));
            Assert.Equal(HttpStatusCode.TooManyRequests, await WidgetCallAsync(http, app.Url, "203.0.113.7"));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await WidgetCallAsync(http, app.Url, "203.0.113.8")); // another client behind the same proxy
        }
        finally { await ((IAsyncLifetime)app).DisposeAsync(); }
    }

    [Fact]
    public async Task ForwardedFor_FromUntrustedAddress_IsIgnored()
    {
        // Only 192.0.2.10 is a proxy: a client on loopback cannot pick its own address with the header.
        var app = await StartAsync(("Okno:KnownProxies", "192.0.2.10"));
        try
        {
            using var http = new HttpClient();
            for (var i = 0; i < 3; i++) Assert.NotEqual(HttpStatusCode.TooManyRequests, await WidgetCallAsync(http, app.Url, $"203.0.113.{20 + i}"));
            Assert.Equal(HttpStatusCode.TooManyRequests, await WidgetCallAsync(http, app.Url, "203.0.113.99"));
        }
        finally { await ((IAsyncLifetime)app).DisposeAsync(); }
    }

    [Fact]
    public async Task ForwardedProto_Https_FromTrustedProxyOnly_MakesSignInCookieSecure()
    {
        var trusted = await StartAsync();
        var untrusted = await StartAsync(("Okno:KnownNetworks", "192.0.2.0/24"));
        try
        {
            Assert.Contains("secure", await SignInCookieAsync(trusted.Url), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("secure", await SignInCookieAsync(untrusted.Url), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await ((IAsyncLifetime)trusted).DisposeAsync();
            await ((IAsyncLifetime)untrusted).DisposeAsync();
        }
    }

    /// <summary>Signs in through the real form, as nginx would forward it from https; the Set-Cookie of okno.auth.</summary>
    private static async Task<string> SignInCookieAsync(string url)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        using var get = new HttpRequestMessage(HttpMethod.Get, url + "/login");
        get.Headers.Add("X-Forwarded-Proto", "https");
        using var page = await http.SendAsync(get);
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenInput().Match(html).Groups[1].Value;
        var cookies = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var post = new HttpRequestMessage(HttpMethod.Post, url + "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = OknoApp.AdminEmail, ["password"] = OknoApp.AdminPassword, ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("X-Forwarded-Proto", "https");
        post.Headers.Add("Cookie", cookies);
        using var response = await http.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("okno.auth=", StringComparison.Ordinal));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
