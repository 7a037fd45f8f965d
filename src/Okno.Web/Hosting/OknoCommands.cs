using Okno.Web.Operations;

namespace Okno.Web.Hosting;

/// <summary>
/// Commands of the same executable, with the server's configuration (connection string, data path):
/// <c>backup --to FILE</c>, <c>restore --from FILE</c> and <c>verify-export FILE</c>; also <c>dotnet run --project src/Okno.Web -- backup …</c>.
/// </summary>
public static class OknoCommands
{
    /// <summary>The command named by the first argument, or null to run the server.</summary>
    public static Func<WebApplication, Task<int>>? Find(string[] args) => args.Length == 0 ? null : args[0] switch
    {
        "backup" => app => BackupAsync(app, Value(args, "--to")),
        "restore" => app => RestoreAsync(app, Value(args, "--from")),
        "verify-export" => app => Privacy.VerifyExportCommand.RunAsync(app, args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1]
            : throw new StartupException("verify-export", "Укажите файл: verify-export ФАЙЛ.zip.", "Name the file: verify-export FILE.zip.")),
        _ => null,
    };

    /// <summary>The words the configuration must not see as settings.</summary>
    public static string[] WithoutCommand(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("backup" or "restore" or "verify-export")) return args;
        var rest = new List<string>();
        for (var i = args[0] == "verify-export" ? 2 : 1; i < args.Length; i++)
        {
            if (args[i] is "--to" or "--from") { i++; continue; }
            rest.Add(args[i]);
        }
        return [.. rest];
    }

    private static async Task<int> BackupAsync(WebApplication app, string target)
    {
        var (bytes, files, keys) = await BackupArchive.For(app).BackupAsync(target);
        Console.WriteLine($"  Резервная копия / Backup: {Path.GetFullPath(target)} (база / database {bytes / 1024} KB, вложений / attachments {files}, ключей / keys {keys})");
        return 0;
    }

    private static async Task<int> RestoreAsync(WebApplication app, string source)
    {
        var (files, keys) = await BackupArchive.For(app).RestoreAsync(source);
        Console.WriteLine($"  Восстановлено / Restored: {Path.GetFullPath(source)} → {Path.GetFullPath(app.Services.GetRequiredService<OknoOptions>().DataPath)} (вложений / attachments {files}, ключей / keys {keys})");
        return 0;
    }

    private static string Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[i + 1]
            : throw new StartupException(name, $"Укажите файл: {args[0]} {name} ФАЙЛ.", $"Name the file: {args[0]} {name} FILE.");
    }
}
