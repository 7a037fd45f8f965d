using System.Reflection;

namespace Okno.Web.Hosting;

/// <summary>
/// How the process finds its own files however it is started: <c>./run.sh</c> and <c>dotnet run</c> (the working
/// directory is the repository), the build output, or the published output under systemd from any folder.
/// </summary>
public static class OknoStart
{
    /// <summary>
    /// The builder options: when the working directory holds neither <c>appsettings.json</c> nor <c>wwwroot</c> and
    /// nothing names a content root, the application's own folder is the content root (so its settings and, for the
    /// published output, its <c>wwwroot</c> are found). Under a test host nothing changes.
    /// </summary>
    public static WebApplicationOptions Options(string[] args)
    {
        args = OknoCommands.WithoutCommand(args);
        var entry = Assembly.GetEntryAssembly()?.GetName().Name;
        if (entry != typeof(OknoStart).Assembly.GetName().Name || NamesContentRoot(args)) return new WebApplicationOptions { Args = args };
        var cwd = Directory.GetCurrentDirectory();
        var own = AppContext.BaseDirectory;
        var cwdHasFiles = File.Exists(Path.Combine(cwd, "appsettings.json")) || Directory.Exists(Path.Combine(cwd, "wwwroot"));
        return !cwdHasFiles && File.Exists(Path.Combine(own, "appsettings.json"))
            ? new WebApplicationOptions { Args = args, ContentRootPath = own }
            : new WebApplicationOptions { Args = args };
    }

    /// <summary>
    /// Static web assets (the framework's <c>_framework/blazor.web.js</c>, the project's <c>wwwroot</c>) are on only in
    /// Development by default; the build output in Production needs them too. A no-op for the published output, whose
    /// <c>wwwroot</c> holds every asset.
    /// </summary>
    public static void UseStaticWebAssetsEverywhere(this WebApplicationBuilder builder) => builder.WebHost.UseStaticWebAssets();

    private static bool NamesContentRoot(string[] args) =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"))
        || args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase) || a.StartsWith("/contentRoot", StringComparison.OrdinalIgnoreCase));
}
