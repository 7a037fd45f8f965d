using System.Diagnostics;

namespace Okno.Smoke;

/// <summary>
/// A real nginx (Debian's package) in the foreground as a child process, with its own prefix, pid, logs and temp
/// folders under a temp folder, serving deploy/nginx/okno.conf with the ports and certificate paths put in.
/// </summary>
public sealed class NginxProcess : IAsyncDisposable
{
    private readonly Process _process;
    public string Prefix { get; }
    public int HttpsPort { get; }

    private NginxProcess(Process process, string prefix, int httpsPort) { _process = process; Prefix = prefix; HttpsPort = httpsPort; }

    public static string? Binary() => new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);

    /// <summary>The site file as shipped, with only ports and paths changed: the upstream, the listen ports, the certificate.</summary>
    public static string Template(string siteConf, IReadOnlyList<int> oknoPorts, int httpPort, int httpsPort, string certificate, string key)
    {
        var text = siteConf;
        // Several nodes as the README's "Several nodes" says: all in the upstream, a browser kept on one (ip_hash).
        var servers = oknoPorts.Count == 1 ? $"server 127.0.0.1:{oknoPorts[0]};" : "ip_hash;\n    " + string.Join("\n    ", oknoPorts.Select(p => $"server 127.0.0.1:{p} max_fails=1 fail_timeout=30s;"));
        Replace(ref text, "server 127.0.0.1:5000;", servers);
        Replace(ref text, "listen 80;", $"listen 127.0.0.1:{httpPort};");
        Replace(ref text, "listen 443 ssl http2;", $"listen 127.0.0.1:{httpsPort} ssl http2;");
        Replace(ref text, "listen [::]:80;", "");
        Replace(ref text, "listen [::]:443 ssl http2;", "");
        Replace(ref text, "/etc/ssl/okno/fullchain.pem", certificate);
        Replace(ref text, "/etc/ssl/okno/privkey.pem", key);
        return text;
    }

    private static void Replace(ref string text, string what, string with)
    {
        if (!text.Contains(what, StringComparison.Ordinal)) throw new InvalidOperationException($"deploy/nginx/okno.conf no longer contains '{what}': update the smoke test's template.");
        text = text.Replace(what, with, StringComparison.Ordinal);
    }

    public static Task<NginxProcess> StartAsync(string siteConf, int oknoPort) => StartAsync(siteConf, [oknoPort]);

    public static async Task<NginxProcess> StartAsync(string siteConf, IReadOnlyList<int> oknoPorts)
    {
        var prefix = Directory.CreateTempSubdirectory("okno-nginx-").FullName;
        foreach (var d in new[] { "logs", "tmp/body", "tmp/proxy", "tmp/fastcgi", "tmp/uwsgi", "tmp/scgi" })
        {
            var path = Directory.CreateDirectory(Path.Combine(prefix, d)).FullName;
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, (UnixFileMode)0b111_111_111);
        }
        var cert = Path.Combine(prefix, "fullchain.pem");
        var key = Path.Combine(prefix, "privkey.pem");
        SmokeClone.Run("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", cert], prefix, TimeSpan.FromMinutes(1));
        var httpPort = SmokeClone.FreePort();
        var httpsPort = SmokeClone.FreePort();
        File.WriteAllText(Path.Combine(prefix, "okno.conf"), Template(siteConf, oknoPorts, httpPort, httpsPort, cert, key));
        File.WriteAllText(Path.Combine(prefix, "nginx.conf"), $$"""
            daemon off;
            worker_processes 1;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/logs/error.log warn;
            events { worker_connections 256; }
            http {
                access_log {{prefix}}/logs/access.log;
                client_body_temp_path {{prefix}}/tmp/body;
                proxy_temp_path {{prefix}}/tmp/proxy;
                fastcgi_temp_path {{prefix}}/tmp/fastcgi;
                uwsgi_temp_path {{prefix}}/tmp/uwsgi;
                scgi_temp_path {{prefix}}/tmp/scgi;
                include /etc/nginx/mime.types;
                include {{prefix}}/okno.conf;
            }
            """);
        var binary = Binary() ?? throw new InvalidOperationException("no nginx binary");
        SmokeClone.Run(binary, ["-t", "-p", prefix, "-c", Path.Combine(prefix, "nginx.conf"), "-e", Path.Combine(prefix, "logs", "error.log")], prefix, TimeSpan.FromSeconds(30));
        var info = new ProcessStartInfo(binary) { WorkingDirectory = prefix, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-p", prefix, "-c", Path.Combine(prefix, "nginx.conf"), "-e", Path.Combine(prefix, "logs", "error.log") }) info.ArgumentList.Add(a);
        var process = Process.Start(info)!;
        var nginx = new NginxProcess(process, prefix, httpsPort);
        for (var i = 0; i < 100 && !File.Exists(Path.Combine(prefix, "nginx.pid")); i++)
        {
            if (process.HasExited) throw new InvalidOperationException("nginx exited: " + await File.ReadAllTextAsync(Path.Combine(prefix, "logs", "error.log")));
            await Task.Delay(100);
        }
        return nginx;
    }

    public string AccessLog() => File.ReadAllText(Path.Combine(Prefix, "logs", "access.log"));
    public string ErrorLog() => File.ReadAllText(Path.Combine(Prefix, "logs", "error.log"));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true); // SIGKILL to the master and its worker
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(Prefix, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
