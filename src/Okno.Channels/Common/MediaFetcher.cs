using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Okno.Core.Channels;

namespace Okno.Channels.Common;

/// <summary>
/// Downloads a file a webhook payload pointed at, without letting the payload aim Okno at its own network:
/// the URL's host must be the platform's CDN or the channel's configured API host; the address the name resolves
/// to is checked when the socket connects (no DNS-rebinding gap), and loopback, link-local and private ranges are
/// refused unless the host is the API host an administrator configured; redirects are followed only on the same
/// host; credentials go only to the configured API host.
/// </summary>
public static class MediaFetcher
{
    public const string HttpClientName = "okno-media";
    private const int MaxRedirects = 3;
    private static readonly HttpRequestOptionsKey<bool> AllowPrivateKey = new("okno.allow-private");

    public static IServiceCollection AddMediaFetcher(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(Marker))) return services;
        services.TryAddSingleton<Marker>();
        services.AddHttpClient(HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan) // the caller's deadline rules
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                ConnectCallback = ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        return services;
    }

    /// <param name="cdnHosts">The platform's media hosts: a name matches itself and its subdomains.</param>
    /// <param name="credentials">Added to requests to the API host only.</param>
    public static async Task<MediaContent?> GetAsync(IHttpClientFactory http, ChannelContext channel, string sourceRef, string apiBaseUrl,
        IReadOnlyCollection<string> cdnHosts, Action<HttpRequestHeaders>? credentials, string defaultType, CancellationToken ct)
    {
        if (!Uri.TryCreate(sourceRef, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")) return null;
        var api = new Uri(apiBaseUrl);
        if (!Allowed(uri, api, cdnHosts, channel.Setting("mediaHosts"))) return null;

        var client = http.CreateClient(HttpClientName);
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            var isApi = SameAuthority(uri, api);
            request.Options.Set(AllowPrivateKey, isApi);
            if (isApi) credentials?.Invoke(request.Headers);
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                response.Dispose();
                var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
                // Same host only: a redirect must not carry the download (or the API key) somewhere else.
                if (hop >= MaxRedirects || !SameAuthority(next, uri)) return null;
                uri = next;
                continue;
            }
            if (!response.IsSuccessStatusCode) { response.Dispose(); return null; }
            return new MediaContent(new OwningStream(await response.Content.ReadAsStreamAsync(ct), response),
                response.Content.Headers.ContentType?.MediaType ?? defaultType, null, response.Content.Headers.ContentLength);
        }
    }

    public static bool Allowed(Uri uri, Uri api, IReadOnlyCollection<string> cdnHosts, string? extraHosts)
    {
        if (SameAuthority(uri, api)) return true;
        if (uri.Scheme != "https") return false; // platforms' CDNs serve https; plain http only from a configured host
        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        var extra = (extraHosts ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return cdnHosts.Concat(extra).Any(h => host == h || host.EndsWith("." + h.TrimStart('.'), StringComparison.Ordinal));
    }

    private static bool SameAuthority(Uri a, Uri b) =>
        a.Scheme == b.Scheme && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var allowPrivate = context.InitialRequestMessage.Options.TryGetValue(AllowPrivateKey, out var a) && a;
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
        var usable = addresses.Where(ip => allowPrivate || PublicAddress.Is(ip)).ToArray();
        if (usable.Length == 0)
            throw new HttpRequestException(HttpRequestError.ConnectionError, $"Refused: {context.DnsEndPoint.Host} is not a public address.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(usable, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private sealed class Marker;

    /// <summary>The body stream that also releases its response.</summary>
    private sealed class OwningStream(Stream inner, HttpResponseMessage response) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) { inner.Dispose(); response.Dispose(); }
            base.Dispose(disposing);
        }
    }
}
