namespace Okno.Bench.Load;

/// <summary>One webhook POST: where, what, the platform's auth header, and the key that finds its message again.</summary>
public sealed record Shot(ShotKind Kind, string Path, byte[] Body, string HeaderName, string HeaderValue, string? CorrelationKey);
