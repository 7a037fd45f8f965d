using System.Globalization;

namespace Okno.Bench;

/// <summary>Command line: `[run|durability] --seconds 20 --rate 1000|max --operators 200 --postgres "…" --target URL --token T --out file.json`.</summary>
public sealed class BenchOptions
{
    public string Command { get; private set; } = "run";
    public int Seconds { get; private set; } = 20;
    /// <summary>The P2 run's rate; null = as fast as the server takes them.</summary>
    public double? Rate { get; private set; } = 1000;
    public int Operators { get; private set; } = 200;
    public int Concurrency { get; private set; } = 64;
    public int Connections { get; private set; } = 256;
    public int Runs { get; private set; } = 1;
    public string? Postgres { get; private set; }
    public string? Target { get; private set; }
    public string? Token { get; private set; }
    public string Out { get; private set; } = "bench-results.json";
    public bool SkipQuery { get; private set; }
    public bool SkipSearch { get; private set; }
    public bool SkipIngest { get; private set; }
    public bool NoWhatsApp { get; private set; }
    /// <summary>Extra environment for the child server, e.g. `--server-env DOTNET_gcServer=0` (repeatable).</summary>
    public Dictionary<string, string> ServerEnv { get; } = [];
    public int QueryRequests { get; private set; } = 500;
    public int SeedMessages { get; private set; } = 1_000_000;
    // reports
    public int ReportRequests { get; private set; } = 100_000;
    public int ReportRepeats { get; private set; } = 20;
    // durability
    public int Webhooks { get; private set; } = 100_000;
    public double DurabilityRate { get; private set; } = 200;
    public double KillMinSeconds { get; private set; } = 10;
    public double KillMaxSeconds { get; private set; } = 30;
    public int Replies { get; private set; } = 2000;
    public int ReplyKills { get; private set; } = 3;
    public int ClaimSeconds { get; private set; } = 120;

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        var i = 0;
        if (args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal)) { o.Command = args[0]; i = 1; }
        for (; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value");
            double Number() => double.Parse(Value(), CultureInfo.InvariantCulture);
            switch (name)
            {
                case "--seconds": o.Seconds = (int)Number(); break;
                case "--rate": var v = Value(); o.Rate = v == "max" ? null : double.Parse(v, CultureInfo.InvariantCulture); o.DurabilityRate = o.Rate ?? 1000; break;
                case "--operators": o.Operators = (int)Number(); break;
                case "--concurrency": o.Concurrency = (int)Number(); break;
                case "--connections": o.Connections = (int)Number(); break;
                case "--runs": o.Runs = (int)Number(); break;
                case "--postgres": o.Postgres = Value(); break;
                case "--target": o.Target = Value(); break;
                case "--token": o.Token = Value(); break;
                case "--out": o.Out = Value(); break;
                case "--skip-query": o.SkipQuery = true; break;
                case "--skip-search": o.SkipSearch = true; break;
                case "--skip-ingest": o.SkipIngest = true; break;
                case "--no-whatsapp": o.NoWhatsApp = true; break;
                case "--server-env":
                    var kv = Value().Split('=', 2);
                    if (kv.Length != 2) throw new ArgumentException("--server-env needs NAME=VALUE");
                    o.ServerEnv[kv[0]] = kv[1];
                    break;
                case "--query-requests": o.QueryRequests = (int)Number(); break;
                case "--seed-messages": o.SeedMessages = (int)Number(); break;
                case "--requests": o.ReportRequests = (int)Number(); break;
                case "--repeats": o.ReportRepeats = (int)Number(); break;
                case "--webhooks": o.Webhooks = (int)Number(); break;
                case "--kill-min": o.KillMinSeconds = Number(); break;
                case "--kill-max": o.KillMaxSeconds = Number(); break;
                case "--replies": o.Replies = (int)Number(); break;
                case "--reply-kills": o.ReplyKills = (int)Number(); break;
                case "--claim-seconds": o.ClaimSeconds = (int)Number(); break;
                default: throw new ArgumentException("Unknown option " + name);
            }
        }
        if (o.Target is not null && o.Token is null) throw new ArgumentException("--target needs --token");
        return o;
    }
}
