using System.Diagnostics;
using Okno.Tests.Infrastructure;
using Okno.Web.Hosting;

namespace Okno.Tests.Hosting;

/// <summary>deploy/: the systemd unit is checked by systemd itself where it is installed; every file holds what the README promises.</summary>
public sealed class DeployFilesTests
{
    private static string Deploy(string path) => File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", path));

    [SkippableFact]
    public void SystemdUnit_SystemdAnalyzeVerify_ReportsNothing()
    {
        var analyze = new[] { "/usr/bin/systemd-analyze", "/bin/systemd-analyze" }.FirstOrDefault(File.Exists);
        Skip.If(analyze is null, "systemd-analyze is not installed; the structural test still runs");
        var folder = Directory.CreateTempSubdirectory("okno-unit-").FullName;
        try
        {
            var unit = Path.Combine(folder, "okno.service");
            File.WriteAllText(unit, Deploy("systemd/okno.service"));
            var info = new ProcessStartInfo(analyze!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add("verify");
            info.ArgumentList.Add(unit);
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            // Warnings (unknown keys, bad values) do not change the exit code: any line naming the unit is one.
            Assert.True(process.ExitCode == 0 && !output.Contains("okno.service", StringComparison.Ordinal), output);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public void SystemdUnit_Structure_OwnUserRestartDataAndEnvironmentFile()
    {
        var lines = Deploy("systemd/okno.service").Split('\n').Select(l => l.Trim()).ToHashSet();
        Assert.Contains("User=okno", lines);
        Assert.Contains("Restart=on-failure", lines);
        Assert.Contains("WorkingDirectory=/var/lib/okno", lines);
        Assert.Contains("Environment=Okno__DataPath=/var/lib/okno", lines);
        Assert.Contains("ReadWritePaths=/var/lib/okno", lines);
        Assert.Contains("EnvironmentFile=-/etc/okno/okno.env", lines);
        Assert.Contains("Environment=ASPNETCORE_ENVIRONMENT=Production", lines);
        Assert.Contains("KillSignal=SIGINT", lines);
        Assert.Contains($"RestartPreventExitStatus={StartupChecks.ConfigurationExitCode}", lines);
        Assert.Contains(lines, l => l.StartsWith("ExecStart=/usr/bin/dotnet /opt/okno/Okno.Web.dll --urls http://127.0.0.1:5000", StringComparison.Ordinal));
        Assert.Contains("server 127.0.0.1:5000;", Deploy("nginx/okno.conf"), StringComparison.Ordinal); // nginx's upstream is the unit's address
    }

    [Fact]
    public void ContainerFiles_Structure_OknoPostgresRedis()
    {
        var dockerfile = Deploy("Dockerfile");
        Assert.Contains("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", dockerfile, StringComparison.Ordinal);
        Assert.Contains("dotnet publish src/Okno.Web -c Release", dockerfile, StringComparison.Ordinal);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:10.0", dockerfile, StringComparison.Ordinal);
        var compose = Deploy("compose.yaml");
        foreach (var part in new[] { "\n  okno:", "\n  postgres:", "\n  redis:", "Okno__Database__Provider: Postgres", "Okno__Redis: redis:6379", "dockerfile: deploy/Dockerfile" })
            Assert.Contains(part, compose, StringComparison.Ordinal);
    }
}
