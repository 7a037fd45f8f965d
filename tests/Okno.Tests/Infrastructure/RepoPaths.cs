namespace Okno.Tests.Infrastructure;

/// <summary>Where the repository and the build output of Okno.Web are, from the test assembly's folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Release or Debug: the configuration the tests were built in (and so Okno.Web with them).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>src/Okno.Web/bin/{Configuration}/net10.0/Okno.Web.dll, built as a reference of the tests.</summary>
    public static string WebBuildOutput { get; } = Path.Combine(Root, "src", "Okno.Web", "bin", Configuration, "net10.0", "Okno.Web.dll");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Okno.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Okno.slnx not found above " + AppContext.BaseDirectory);
    }
}
