namespace Okno.Channels.Avito;

/// <summary>No access token: wrong credentials (permanent) or Avito unavailable (transient). The message is for operators.</summary>
public sealed class AvitoAuthException(string message, bool transient = false) : Exception(message)
{
    public bool Transient { get; } = transient;
}
