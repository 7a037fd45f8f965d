using Microsoft.Data.Sqlite;
using Npgsql;
using Okno.Core.Data;

namespace Okno.Web.Privacy;

/// <summary>
/// <c>dotnet Okno.Web.dll verify-export FILE.zip</c>: checks a conversation export with the server's configuration
/// (to know its signing key). Exit code 0 when the export is intact, 1 when it is not (each problem named), 2 when the
/// file cannot be read.
/// </summary>
public static class VerifyExportCommand
{
    public static async Task<int> RunAsync(WebApplication app, string path)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"  Файл не найден / File not found: {path}");
            return 2;
        }
        IReadOnlyList<string>? keys;
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            keys = await ExportSigner.KnownKeyIdsAsync(scope.ServiceProvider.GetRequiredService<OknoDbContext>(), CancellationToken.None);
        }
        catch (Exception e) when (e is SqliteException or NpgsqlException or InvalidOperationException)
        {
            keys = null; // no database here: the signature is still checked against the key in the manifest
        }
        await using var file = File.OpenRead(path);
        var result = await ExportVerifier.VerifyAsync(file, keys, CancellationToken.None);
        Console.WriteLine(result.Ok
            ? $"  Выгрузка цела / The export is intact: {Path.GetFileName(path)} — обращение / conversation {result.ConversationId}, файлов / files {result.FilesChecked}, ключ / key {result.KeyId}"
            : $"  Выгрузка НЕ цела / The export is NOT intact: {Path.GetFileName(path)}");
        if (result.KeyTrusted is null && result.Ok) Console.WriteLine("  (ключи сервера недоступны: проверена подпись ключом из манифеста / server keys unavailable: checked against the manifest's key)");
        foreach (var p in result.Problems) Console.WriteLine($"  ✗ {p.File}: {p.Problem}");
        return result.Ok ? 0 : 1;
    }
}
