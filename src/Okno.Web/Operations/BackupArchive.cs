using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Okno.Core.Data;
using Okno.Web.Hosting;

namespace Okno.Web.Operations;

/// <summary>
/// One archive (.tar.gz) of the embedded default: a consistent copy of the SQLite database taken with SQLite's online
/// backup API (Okno may run and ingest meanwhile), the attachments and the Data Protection keys.
/// </summary>
public sealed class BackupArchive(DatabaseOptions database, string dataPath, string keysPath, TimeProvider clock)
{
    public const string DatabaseEntry = "okno.db";
    public const string FilesEntry = "files/";
    public const string KeysEntry = "keys/";
    public const string ManifestEntry = "okno-backup.json";

    public static BackupArchive For(WebApplication app)
    {
        var options = app.Services.GetRequiredService<OknoOptions>();
        var keys = app.Configuration["Okno:DataProtection:KeysPath"];
        return new BackupArchive(app.Services.GetRequiredService<DatabaseOptions>(), options.DataPath,
            string.IsNullOrEmpty(keys) ? Path.Combine(options.DataPath, "keys") : keys, app.Services.GetRequiredService<TimeProvider>());
    }

    private string DatabaseFile => Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource);
    private string FilesFolder => Path.GetFullPath(Path.Combine(dataPath, "files"));

    /// <summary>Writes the archive; returns what went in.</summary>
    public async Task<(long DatabaseBytes, int Files, int Keys)> BackupAsync(string target)
    {
        RequireSqlite();
        if (!File.Exists(DatabaseFile))
            throw new StartupException("ConnectionStrings:Okno", $"Базы {DatabaseFile} нет: нечего сохранять.", $"There is no database at {DatabaseFile}: nothing to back up.");
        var work = Directory.CreateTempSubdirectory("okno-backup-").FullName;
        try
        {
            // The database first: every attachment and key its rows refer to already exists when the copy is taken.
            var copy = Path.Combine(work, DatabaseEntry);
            await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString()))
            await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString()))
            {
                await source.OpenAsync();
                await destination.OpenAsync();
                source.BackupDatabase(destination);
            }
            SqliteConnection.ClearAllPools();

            var full = Path.GetFullPath(target);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var partial = full + ".partial";
            var files = 0;
            var keys = 0;
            await using (var output = File.Create(partial))
            await using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
            {
                var manifest = JsonSerializer.Serialize(new { format = 1, createdAt = clock.GetUtcNow(), provider = "Sqlite" });
                var manifestFile = Path.Combine(work, ManifestEntry);
                await File.WriteAllTextAsync(manifestFile, manifest);
                await tar.WriteEntryAsync(manifestFile, ManifestEntry);
                await tar.WriteEntryAsync(copy, DatabaseEntry);
                files = await AddFolderAsync(tar, FilesFolder, FilesEntry);
                keys = await AddFolderAsync(tar, Path.GetFullPath(keysPath), KeysEntry);
            }
            File.Move(partial, full, overwrite: true);
            return (new FileInfo(copy).Length, files, keys);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Puts an archive into an empty data folder (and the configured database file and keys folder).</summary>
    public async Task<(int Files, int Keys)> RestoreAsync(string archive)
    {
        RequireSqlite();
        if (!File.Exists(archive))
            throw new StartupException("--from", $"Архива {Path.GetFullPath(archive)} нет.", $"There is no archive at {Path.GetFullPath(archive)}.");
        var data = Path.GetFullPath(dataPath);
        if (Directory.Exists(data) && Directory.EnumerateFileSystemEntries(data).Any() || File.Exists(DatabaseFile))
            throw new StartupException("Okno:DataPath",
                $"Папка данных {data} не пуста: восстановление пишет только в пустую папку (укажите новую или освободите эту).",
                $"The data folder {data} is not empty: restore writes into an empty folder only (choose a new one or empty this one).");
        Directory.CreateDirectory(data);
        var files = 0;
        var keys = 0;
        var sawDatabase = false;
        await using (var input = File.OpenRead(archive))
        await using (var gzip = new GZipStream(input, CompressionMode.Decompress))
        await using (var tar = new TarReader(gzip))
        {
            while (await tar.GetNextEntryAsync() is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)) continue;
                var name = entry.Name.Replace('\\', '/');
                string? target = name switch
                {
                    DatabaseEntry => DatabaseFile,
                    _ when name.StartsWith(FilesEntry, StringComparison.Ordinal) => Inside(FilesFolder, name[FilesEntry.Length..]),
                    _ when name.StartsWith(KeysEntry, StringComparison.Ordinal) => Inside(Path.GetFullPath(keysPath), name[KeysEntry.Length..]),
                    _ => null,
                };
                if (target is null) continue;
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await entry.ExtractToFileAsync(target, overwrite: false);
                if (name == DatabaseEntry) sawDatabase = true;
                else if (name.StartsWith(FilesEntry, StringComparison.Ordinal)) files++;
                else keys++;
            }
        }
        if (!sawDatabase)
            throw new StartupException("--from", "В архиве нет базы: это не резервная копия Окна.", "The archive holds no database: it is not an Okno backup.");
        return (files, keys);
    }

    private void RequireSqlite()
    {
        if (database.Provider != DatabaseProvider.Sqlite)
            throw new StartupException("Okno:Database:Provider",
                "Резервная копия этой командой — для встроенной SQLite; для PostgreSQL используйте pg_dump и pg_restore (deploy/README.md).",
                "This command backs up the embedded SQLite; for PostgreSQL use pg_dump and pg_restore (deploy/README.md).");
    }

    private static async Task<int> AddFolderAsync(TarWriter tar, string folder, string prefix)
    {
        if (!Directory.Exists(folder)) return 0;
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                await tar.WriteEntryAsync(file, prefix + Path.GetRelativePath(folder, file).Replace('\\', '/'));
                count++;
            }
            catch (FileNotFoundException)
            {
                // Removed while the backup ran (e.g. a temporary upload): nothing in the copied database needs it.
            }
        }
        return count;
    }

    /// <summary>An archive's path inside <paramref name="folder"/>; null for names that would escape it.</summary>
    private static string? Inside(string folder, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(folder, relative));
        return full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}
