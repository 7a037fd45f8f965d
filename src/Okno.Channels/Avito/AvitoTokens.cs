using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Okno.Channels.Common;
using Okno.Core.Channels;

namespace Okno.Channels.Avito;

/// <summary>
/// OAuth client-credentials tokens per channel: POST {apiBaseUrl}/token, cached in memory, refreshed ahead of
/// expiry (the last fifth of its life, at most 5 minutes early) or at once when the API answers 401.
/// </summary>
public sealed class AvitoTokens(IHttpClientFactory http, TimeProvider clock)
{
    private sealed record Cached(string AccessToken, DateTimeOffset RefreshAt);

    private readonly ConcurrentDictionary<string, Cached> _cache = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    public async Task<string> GetAsync(ChannelContext channel, CancellationToken ct)
    {
        var key = Key(channel);
        if (_cache.TryGetValue(key, out var cached) && clock.GetUtcNow() < cached.RefreshAt) return cached.AccessToken;
        var gate = _locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (_cache.TryGetValue(key, out cached) && clock.GetUtcNow() < cached.RefreshAt) return cached.AccessToken;
            var fresh = await RequestAsync(channel, ct);
            _cache[key] = fresh;
            return fresh.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The API refused this token: the next call gets a new one.</summary>
    public void Invalidate(ChannelContext channel, string accessToken)
    {
        var key = Key(channel);
        if (_cache.TryGetValue(key, out var cached) && cached.AccessToken == accessToken)
            _cache.TryRemove(new KeyValuePair<string, Cached>(key, cached));
    }

    private async Task<Cached> RequestAsync(ChannelContext channel, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = channel.RequiredSetting("clientId"),
            ["client_secret"] = channel.RequiredSetting("clientSecret"),
        });
        using var response = await http.CreateClient("avito").PostAsync(AvitoConnector.ApiBase(channel) + "/token", form, ct);
        JsonElement root;
        try { root = await response.Content.ReadFromJsonAsync<JsonElement>(ct); }
        catch (JsonException) { throw new AvitoAuthException($"Avito: ответ на запрос токена без JSON (HTTP {(int)response.StatusCode})."); }
        if (!response.IsSuccessStatusCode || root.Str("access_token") is not { Length: > 0 } token)
            throw new AvitoAuthException((int)response.StatusCode >= 500
                ? $"Avito временно недоступен ({(int)response.StatusCode})."
                : "Avito не выдал токен: проверьте client_id и client_secret.", transient: (int)response.StatusCode >= 500);
        var lifetime = TimeSpan.FromSeconds(Math.Max(root.Long("expires_in") ?? 3600, 1));
        var early = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(5).Ticks, lifetime.Ticks / 5));
        return new Cached(token, clock.GetUtcNow() + lifetime - early);
    }

    private static string Key(ChannelContext channel) => channel.Id.ToString("N") + ":" + Convert.ToHexString(SHA256.HashData(
        Encoding.UTF8.GetBytes($"{channel.Setting("clientId")}|{channel.Setting("clientSecret")}|{AvitoConnector.ApiBase(channel)}")));
}
