using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;

namespace Okno.Bench.Load;

/// <summary>
/// Fires webhooks from a mix at a fixed rate or as fast as the server takes them (bounded concurrency).
/// Fixed rate: requests are scheduled on a timeline and their latency is measured from the scheduled moment,
/// so a stalled server cannot hide its stall (no coordinated omission).
/// </summary>
public sealed class LoadRunner(HttpClient http, string baseUrl, Func<Shot> next)
{
    public const int MaxInFlight = 4096;
    private readonly List<double> _ackMs = [];
    private readonly Lock _lock = new();
    private long _inFlight;

    public ConcurrentDictionary<string, long> SendTimestamps { get; } = new();
    private long _sent;
    private long _acked;
    private long _failed;
    public long Sent => Interlocked.Read(ref _sent);
    public long Acked => Interlocked.Read(ref _acked);
    public long Failed => Interlocked.Read(ref _failed);
    public Dictionary<ShotKind, long> ByKind { get; } = [];
    public double ElapsedSeconds { get; private set; }
    public IReadOnlyList<double> AckLatenciesMs => _ackMs;
    public string? FirstError { get; private set; }

    public async Task RunAsync(double? rate, TimeSpan duration, int concurrency)
    {
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var pending = new ConcurrentDictionary<Task, byte>();
        if (rate is { } r)
        {
            var interval = Stopwatch.Frequency / r;
            double nextAt = start;
            while (Stopwatch.GetTimestamp() < end)
            {
                var now = Stopwatch.GetTimestamp();
                while (nextAt <= now && nextAt < end)
                {
                    if (Interlocked.Read(ref _inFlight) >= MaxInFlight) break; // latency keeps counting from nextAt
                    var scheduled = (long)nextAt;
                    var task = SendAsync(next(), scheduled);
                    pending[task] = 0;
                    _ = task.ContinueWith(t => pending.TryRemove(t, out _), TaskScheduler.Default);
                    nextAt += interval;
                }
                await Task.Delay(1);
            }
        }
        else
        {
            var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                while (Stopwatch.GetTimestamp() < end) await SendAsync(next(), Stopwatch.GetTimestamp());
            }));
            await Task.WhenAll(workers);
        }
        await Task.WhenAll(pending.Keys.ToArray());
        ElapsedSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private async Task SendAsync(Shot shot, long scheduled)
    {
        Interlocked.Increment(ref _inFlight);
        Interlocked.Increment(ref _sent);
        try
        {
            using var content = new ByteArrayContent(shot.Body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + shot.Path) { Content = content };
            request.Headers.TryAddWithoutValidation(shot.HeaderName, shot.HeaderValue);
            if (shot.CorrelationKey is { } key) SendTimestamps[key] = scheduled;
            using var response = await http.SendAsync(request);
            var elapsed = Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds;
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref _acked);
                lock (_lock)
                {
                    _ackMs.Add(elapsed);
                    ByKind[shot.Kind] = ByKind.GetValueOrDefault(shot.Kind) + 1;
                }
            }
            else
            {
                Interlocked.Increment(ref _failed);
                FirstError ??= $"HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref _failed);
            FirstError ??= ex.GetType().Name + ": " + ex.Message;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
