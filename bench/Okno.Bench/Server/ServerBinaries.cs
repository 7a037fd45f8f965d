namespace Okno.Bench.Server;

/// <summary>Finds the built Okno.Web.dll: OKNO_WEB_DLL, else src/Okno.Web/bin/{Release,Debug}/net10.0 of this checkout.</summary>
public static class ServerBinaries
{
    public static string WebDll()
    {
        if (Environment.GetEnvironmentVariable("OKNO_WEB_DLL") is { Length: > 0 } explicitPath) return explicitPath;
        var root = RepoRoot() ?? throw new InvalidOperationException("Okno.slnx not found above " + AppContext.BaseDirectory);
        var candidates = new[] { "Release", "Debug" }
            .Select(c => Path.Combine(root, "src", "Okno.Web", "bin", c, "net10.0", "Okno.Web.dll"))
            .Where(File.Exists)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .ToList();
        // Prefer the configuration this bench was built with (Release for measurements).
        var mine = candidates.FirstOrDefault(c => c.Contains(Path.DirectorySeparatorChar + Configuration + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        return mine ?? candidates.FirstOrDefault() ?? throw new InvalidOperationException("Build src/Okno.Web first (dotnet build -c Release).");
    }

#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public static string? RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Okno.slnx"))) return dir.FullName;
        return null;
    }
}
