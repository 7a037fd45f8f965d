namespace Okno.Core.Files;

public sealed class MediaTooLargeException(long cap) : IOException($"The file is larger than {cap} bytes.")
{
    public long Cap { get; } = cap;
}
