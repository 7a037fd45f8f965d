using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Security;

/// <summary>What the attack tests share: users, signed-in cookie clients, a fixed client IP, captured logs.</summary>
public static class SecurityKit
{
    public const string Password = "Password-123";

    public static async Task<(string Email, long Id)> CreateUserAsync(OknoApp app, string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@test.local";
        using var client = app.Api();
        var response = await client.PostAsJsonAsync("/api/v1/users", new { email, name = "Тест " + role, role, password = Password });
        if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException("User not created: " + response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return (email, body!["id"]!.GetValue<long>());
    }

    /// <summary>A cookie-authenticated client, signed in through the API; <paramref name="csrfHeader"/> as the app's scripts send it.</summary>
    public static async Task<HttpClient> SignedInAsync(OknoApp app, string email, string password = Password, bool csrfHeader = true)
    {
        var client = app.CreateClient(new() { HandleCookies = true });
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        if (response.StatusCode != HttpStatusCode.NoContent) throw new InvalidOperationException("Sign-in failed: " + response.StatusCode);
        if (csrfHeader) client.DefaultRequestHeaders.Add("X-Okno-Request", "1");
        return client;
    }

    /// <summary>Makes every request of a test host come from <paramref name="ip"/> (TestServer has no remote address).</summary>
    public static IWebHostBuilder FromIp(this IWebHostBuilder builder, string ip) =>
        builder.ConfigureServices(s => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<IStartupFilter>(s, new FixedIp(IPAddress.Parse(ip))));

    private sealed class FixedIp(IPAddress ip) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext ctx, RequestDelegate n) => { ctx.Connection.RemoteIpAddress = ip; return n(ctx); });
            next(app);
        };
    }
}

/// <summary>Collects every log line of a test host.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
    public void Dispose() { }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue($"{category}: {formatter(state, exception)}");
    }
}
