namespace Okno.Core.Files;

/// <summary>Where attachments live: a folder on one machine, shared storage for several nodes.</summary>
public interface IFileStore
{
    Task<string> SaveAsync(Stream content, string fileName, CancellationToken ct);
    Task<Stream?> OpenAsync(string key, CancellationToken ct);
    /// <summary>Removes a stored file (retention, erase); a missing file is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken ct);
}
