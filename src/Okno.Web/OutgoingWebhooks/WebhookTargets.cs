using System.Net;
using System.Net.Sockets;
using Okno.Channels.Common;

namespace Okno.Web.OutgoingWebhooks;

/// <summary>
/// Where webhooks may go: http(s) URLs whose host resolves to public addresses only — no loopback, link-local
/// (cloud metadata) or private range — unless <c>Okno:Webhooks:AllowPrivateNetworks</c> is true (a CRM on the
/// firm's own network). Checked when an endpoint is saved and again when each request's socket connects, so a
/// name that later resolves inside (DNS rebinding) is refused too.
/// </summary>
public sealed class WebhookTargets(WebhookOptions options)
{
    public const string HttpClientName = "okno-outgoing-webhooks";

    /// <summary>Null when the URL is acceptable, else the reason in Russian.</summary>
    public async Task<string?> RefusalAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host))
            return "Нужен адрес http:// или https://.";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "Адрес не должен содержать имя и пароль.";
        if (options.AllowPrivateNetworks) return null;
        IPAddress[] addresses;
        try { addresses = IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var ip) ? [ip] : await Dns.GetHostAddressesAsync(uri.IdnHost, ct); }
        catch (SocketException) { return $"Не удалось найти адрес сервера {uri.Host}."; }
        if (addresses.Length == 0) return $"Не удалось найти адрес сервера {uri.Host}.";
        return addresses.All(PublicAddress.Is) ? null
            : "Адрес ведёт во внутреннюю сеть (loopback, link-local или частный диапазон): так нельзя. Для CRM в сети фирмы включите Okno:Webhooks:AllowPrivateNetworks.";
    }

    public static void AddClient(IServiceCollection services) =>
        services.AddHttpClient(HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var allowPrivate = sp.GetRequiredService<WebhookOptions>().AllowPrivateNetworks;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false, // a redirect must not carry the event somewhere unchecked
                    ConnectTimeout = TimeSpan.FromSeconds(10),
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                    ConnectCallback = (context, ct) => ConnectAsync(context, allowPrivate, ct),
                };
            });

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken ct)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
        var usable = addresses.Where(ip => allowPrivate || PublicAddress.Is(ip)).ToArray();
        if (usable.Length == 0)
            throw new HttpRequestException(HttpRequestError.ConnectionError, WebhookSender.RefusedTarget);
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
}

/// <summary>"Okno:Webhooks": AllowPrivateNetworks lets endpoints point inside the firm's network.</summary>
public sealed class WebhookOptions
{
    public bool AllowPrivateNetworks { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);
}
