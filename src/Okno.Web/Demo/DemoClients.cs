using System.Collections.Concurrent;
using Okno.Simulators;

namespace Okno.Web.Demo;

/// <summary>
/// Simulated clients of a law firm: the first writes within seconds of start, then one every 10–30 s; some send a
/// photo of a document; when an operator answers (the stand-in receives the send), the client often writes back.
/// </summary>
public sealed class DemoClients(IConfiguration config, ILogger<DemoClients> log)
{
    public static readonly TimeSpan FirstMessageDelay = TimeSpan.FromSeconds(3);

    /// <summary>How often a client writes back after an operator's message (Okno:DemoAnswerChance, 0..1).</summary>
    private readonly double _answerChance = Math.Clamp(config.GetValue("Okno:DemoAnswerChance", 0.75), 0, 1);

    /// <summary>Scales every pause (Okno:DemoPace; 1 = a new message every 10–30 s, 0.2 = every 2–6 s).</summary>
    private readonly double _pace = Math.Clamp(config.GetValue("Okno:DemoPace", 1.0), 0.01, 10);

    private TimeSpan Pause(int minSeconds, int maxSeconds) => TimeSpan.FromSeconds(Random.Shared.Next(minSeconds, maxSeconds + 1) * _pace);

    private sealed class State(DemoPersona persona, DemoChannel channel)
    {
        public DemoPersona Persona { get; } = persona;
        public DemoChannel Channel { get; } = channel;
        public bool Started { get; set; }
        public int FollowUps { get; set; }
        public int Answers { get; set; }
        public bool PhotoSent { get; set; }
    }

    public async Task RunAsync(SimulatorHost sim, IReadOnlyList<DemoChannel> channels, CancellationToken ct)
    {
        var states = DemoScript.Clients
            .Select(p => (Persona: p, Channel: channels.FirstOrDefault(c => c.Platform.Kind == p.Kind)))
            .Where(x => x.Channel is not null)
            .Select(x => new State(x.Persona, x.Channel!))
            .ToList();
        if (states.Count == 0) return;
        await Task.WhenAll(WriteAsync(sim, states, ct), AnswerAsync(sim, states, ct));
    }

    private async Task WriteAsync(SimulatorHost sim, List<State> states, CancellationToken ct)
    {
        await Task.Delay(FirstMessageDelay, ct);
        while (!ct.IsCancellationRequested)
        {
            await ActAsync(sim, states, ct);
            await Task.Delay(Pause(10, 30), ct);
        }
    }

    private async Task ActAsync(SimulatorHost sim, List<State> states, CancellationToken ct)
    {
        var waiting = states.Where(s => !s.Started).ToList();
        var active = states.Where(s => s.Started && (s.FollowUps < s.Persona.Topic.FollowUps.Count || !s.PhotoSent)).ToList();
        if (waiting.Count > 0 && (active.Count == 0 || Random.Shared.NextDouble() < 0.6))
        {
            var s = waiting[0];
            s.Started = true;
            var openings = s.Persona.Topic.Openings;
            await SafelyAsync(() => s.Channel.Platform.SendTextAsync(sim, s.Channel, s.Persona, openings[Random.Shared.Next(openings.Count)], ct));
            return;
        }
        if (active.Count == 0) return;
        var next = active[Random.Shared.Next(active.Count)];
        if (!next.PhotoSent && (Random.Shared.NextDouble() < 0.35 || next.FollowUps >= next.Persona.Topic.FollowUps.Count))
        {
            next.PhotoSent = true;
            var png = DemoImages.Document(next.Persona.Key.GetHashCode(StringComparison.Ordinal));
            await SafelyAsync(() => next.Channel.Platform.SendPhotoAsync(sim, next.Channel, next.Persona, next.Persona.Topic.PhotoCaption, png, ct));
            return;
        }
        var text = next.Persona.Topic.FollowUps[next.FollowUps++];
        await SafelyAsync(() => next.Channel.Platform.SendTextAsync(sim, next.Channel, next.Persona, text, ct));
    }

    /// <summary>Watches what the stand-ins delivered to clients and sometimes answers a few seconds later.</summary>
    private async Task AnswerAsync(SimulatorHost sim, List<State> states, CancellationToken ct)
    {
        var seen = new ConcurrentDictionary<Guid, int>();
        foreach (var channel in states.Select(s => s.Channel).Distinct()) seen[channel.Id] = channel.Platform.Sent(sim, channel).Count;
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            try { Answer(sim, states, seen, ct); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Demo clients could not read the stand-ins' sends");
            }
        }
    }

    private void Answer(SimulatorHost sim, List<State> states, ConcurrentDictionary<Guid, int> seen, CancellationToken ct)
    {
        foreach (var channel in states.Select(s => s.Channel).Distinct())
        {
            var sent = channel.Platform.Sent(sim, channel);
            for (var i = seen[channel.Id]; i < sent.Count; i++)
            {
                var state = states.FirstOrDefault(s => s.Channel == channel && s.Channel.Platform.AddressOf(s.Persona) == sent[i].Address);
                if (state is null || state.Answers >= state.Persona.Topic.Answers.Count || Random.Shared.NextDouble() >= _answerChance) continue;
                var answer = state.Persona.Topic.Answers[state.Answers++];
                var delay = Pause(3, 8);
                _ = Task.Run(async () =>
                {
                    await Task.Delay(delay, ct);
                    await SafelyAsync(() => channel.Platform.SendTextAsync(sim, channel, state.Persona, answer, ct));
                }, ct);
            }
            seen[channel.Id] = sent.Count;
        }
    }

    private async Task SafelyAsync(Func<Task> send)
    {
        try { await send(); }
        catch (HttpRequestException ex) { log.LogWarning("Demo client could not deliver a message: {Error}", ex.HttpRequestError); }
    }
}
