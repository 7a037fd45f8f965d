using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Okno.Web.Widget;

/// <summary>
/// Caps on what an anonymous visitor can open: new visitor sessions per IP (each can start a conversation), and
/// live event streams per visitor and per IP (each holds a connection open).
/// </summary>
public sealed class WidgetGuard : IDisposable
{
    private readonly PartitionedRateLimiter<string> _newVisitors;
    private readonly ConcurrentDictionary<string, int> _streams = new();
    private readonly int _streamsPerVisitor, _streamsPerIp;

    public WidgetGuard(IConfiguration configuration)
    {
        var perHour = Math.Max(1, configuration.GetValue("Okno:Widget:NewSessionsPerIpPerHour", 20));
        _streamsPerVisitor = Math.Max(1, configuration.GetValue("Okno:Widget:StreamsPerVisitor", 3));
        _streamsPerIp = Math.Max(1, configuration.GetValue("Okno:Widget:StreamsPerIp", 30));
        _newVisitors = PartitionedRateLimiter.Create<string, string>(ip => RateLimitPartition.GetFixedWindowLimiter(ip,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 }));
    }

    /// <summary>Whether this IP may get one more anonymous visitor now (no address: in-process, no limit).</summary>
    public bool AllowNewVisitor(HttpContext ctx)
    {
        if (ctx.Connection.RemoteIpAddress is not { } ip) return true;
        using var lease = _newVisitors.AttemptAcquire("ip:" + ip);
        return lease.IsAcquired;
    }

    /// <summary>Takes a stream slot for the visitor and its IP; null when either is at its cap. Dispose to give it back.</summary>
    public IDisposable? OpenStream(HttpContext ctx, string visitorId)
    {
        var keys = new List<(string Key, int Cap)> { ("v:" + visitorId, _streamsPerVisitor) };
        if (ctx.Connection.RemoteIpAddress is { } ip) keys.Add(("ip:" + ip, _streamsPerIp));
        var taken = new List<string>();
        foreach (var (key, cap) in keys)
        {
            if (_streams.AddOrUpdate(key, 1, (_, n) => n + 1) > cap)
            {
                Release(key);
                foreach (var t in taken) Release(t);
                return null;
            }
            taken.Add(key);
        }
        return new Slot(this, taken);
    }

    private void Release(string key)
    {
        if (_streams.AddOrUpdate(key, 0, (_, n) => n - 1) <= 0) _streams.TryRemove(new KeyValuePair<string, int>(key, 0));
    }

    public void Dispose() => _newVisitors.Dispose();

    private sealed class Slot(WidgetGuard guard, List<string> keys) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) foreach (var k in keys) guard.Release(k);
        }
    }
}
