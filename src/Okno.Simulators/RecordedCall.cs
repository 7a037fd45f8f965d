using System.Text.Json.Nodes;

namespace Okno.Simulators;

/// <summary>A request a simulator received, kept so tests can assert the exact shape of our outbound calls.</summary>
public sealed record RecordedCall(string Method, string Path, IReadOnlyDictionary<string, string> Headers, JsonObject Body, DateTimeOffset At);
