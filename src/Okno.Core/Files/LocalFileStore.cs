namespace Okno.Core.Files;

public sealed class LocalFileStore(string root, TimeProvider clock) : IFileStore
{
    public async Task<string> SaveAsync(Stream content, string fileName, CancellationToken ct)
    {
        var ext = Path.GetExtension(fileName);
        if (ext.Length > 10 || ext.Any(c => !char.IsLetterOrDigit(c) && c != '.')) ext = "";
        var key = $"{clock.GetUtcNow().UtcDateTime:yyyy/MM}/{Guid.NewGuid():N}{ext}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            await using var file = File.Create(path);
            await content.CopyToAsync(file, ct);
        }
        catch
        {
            File.Delete(path); // a cut-off or refused file leaves nothing behind
            throw;
        }
        return key;
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path) ? File.OpenRead(path) : null);
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        var full = Path.GetFullPath(Path.Combine(root, key));
        if (!full.StartsWith(Path.GetFullPath(root), StringComparison.Ordinal)) throw new ArgumentException("Bad file key.", nameof(key));
        return full;
    }
}
