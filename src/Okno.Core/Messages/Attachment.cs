namespace Okno.Core.Messages;

public sealed class Attachment
{
    public long Id { get; set; }
    public long MessageId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "application/octet-stream";
    public long? Size { get; set; }
    /// <summary>Where the platform keeps it (file id, media id, URL) until we have downloaded it.</summary>
    public string? SourceRef { get; set; }
    /// <summary>Key in our file store once stored.</summary>
    public string? StorageKey { get; set; }
    /// <summary>Bigger than the channel's media limit: not stored, the operator opens it on the platform.</summary>
    public bool TooLarge { get; set; }
}
