using System.Globalization;
using System.Text;
using System.Text.Json;
using Okno.Bench.Ceilings;
using Okno.Bench.Load;
using Okno.Bench.Query;

namespace Okno.Bench.Report;

/// <summary>Everything one `run` measured, the ratios to the same run's ceilings, and the targets met or missed.</summary>
public sealed class BenchReport
{
    public string Machine { get; set; } = "";
    public string Database { get; set; } = "";
    public int Seconds { get; set; }
    public List<IngestBench.Run> P1Okno { get; } = [];
    public List<IngestBench.Run> P1Bare { get; } = [];
    public List<SqliteCeiling.Result> Sqlite { get; } = [];
    public List<IngestBench.Run> P2 { get; } = [];
    public QueryRun.Result? Query { get; set; }

    public double? OknoMaxRate => Med(P1Okno.Select(r => r.AckedPerSecond));
    public double? BareMaxRate => Med(P1Bare.Select(r => r.AckedPerSecond));
    public double? SqliteSingleRate => Med(Sqlite.Select(r => r.SingleRowCommitsPerSecond));
    public double? SqliteBatchedRate => Med(Sqlite.Select(r => r.BatchedRowsPerSecond));
    public double? RatioToBareKestrel => OknoMaxRate / BareMaxRate;
    public double? RatioToSingleCommits => OknoMaxRate / SqliteSingleRate;
    public double? RatioToBatchedInserts => OknoMaxRate / SqliteBatchedRate;
    public double? OperatorP99Ms => Med(P2.Select(r => r.OperatorP99Ms ?? double.NaN));
    public double? PeakRssMb => Med(P2.Select(r => r.PeakRssMb ?? double.NaN));

    private static double? Med(IEnumerable<double> values)
    {
        var list = values.Where(v => !double.IsNaN(v)).ToList();
        return list.Count == 0 ? null : Stats.Median(list);
    }

    public static string DescribeMachine()
    {
        var cpu = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() : null;
        return $"{Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024 / 1024 / 1024} GB RAM, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    private static string F(double? v, string format = "F0") => v is { } x && !double.IsNaN(x) ? x.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static string Verdict(bool? met) => met switch { true => "met", false => "**missed**", null => "not measured" };

    public string ToMarkdown()
    {
        var s = new StringBuilder();
        s.AppendLine($"Machine: {Machine}; database: {Database}; {Seconds} s per load run; medians of {Math.Max(P1Okno.Count, 1)} run(s).");
        s.AppendLine();
        s.AppendLine("| Run | Mode | Operators | Sent | Acked | Failed | Acked/s | Ack p50 ms | Ack p99 ms | Webhook→operator p50 ms | p99 ms | Peak RSS MB | Server CPU ms/webhook |");
        s.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (label, r) in P1Okno.Select(r => ("P1 Okno", r)).Concat(P1Bare.Select(r => ("P1 bare Kestrel", r))).Concat(P2.Select(r => ("P2 Okno", r))))
            s.AppendLine($"| {label} | {r.Mode} | {r.Operators} | {r.Sent} | {r.Acked} | {r.Failed} | {F(r.AckedPerSecond)} | {F(r.AckP50Ms, "F1")} | {F(r.AckP99Ms, "F1")} | {F(r.OperatorP50Ms, "F1")} | {F(r.OperatorP99Ms, "F1")} | {F(r.PeakRssMb)} | {F(r.ServerCpuMsPerWebhook, "F3")} |");
        s.AppendLine();
        s.AppendLine("| Ceiling (same run) | Value | Okno ratio |");
        s.AppendLine("|---|---:|---:|");
        s.AppendLine($"| bare Kestrel, read and drop | {F(BareMaxRate)} req/s | {F(RatioToBareKestrel * 100, "F1")} % |");
        s.AppendLine($"| SQLite single-row commits (WAL, FULL) | {F(SqliteSingleRate)} commits/s | {F(RatioToSingleCommits, "F2")} × |");
        s.AppendLine($"| SQLite 256 rows per transaction | {F(SqliteBatchedRate)} rows/s | {F(RatioToBatchedInserts * 100, "F1")} % |");
        if (Query is { } q)
        {
            s.AppendLine();
            s.AppendLine($"Queries on {q.Database}: {q.Contacts:N0} contacts, {q.Conversations:N0} conversations, {q.Messages:N0} messages (seeded in {q.SeedSeconds:F0} s); {q.Queries.FirstOrDefault()?.Requests} requests each, one at a time, HTTP included.");
            s.AppendLine();
            s.AppendLine("| Query | p50 ms | p95 ms | max ms |");
            s.AppendLine("|---|---:|---:|---:|");
            foreach (var x in q.Queries) s.AppendLine($"| {x.Name} | {F(x.P50Ms, "F1")} | {F(x.P95Ms, "F1")} | {F(x.MaxMs, "F1")} |");
            if (q.Search is { } search)
            {
                foreach (var x in search.Queries) s.AppendLine($"| {x.Name} | {F(x.P50Ms, "F1")} | {F(x.P95Ms, "F1")} | {F(x.MaxMs, "F1")} |");
                s.AppendLine();
                s.AppendLine($"Search index built from the queue in {search.IndexSeconds:F0} s ({search.IndexedPerSecond:F0} messages/s).");
                s.AppendLine();
                s.AppendLine("| Recall: query | planted (any word form) | found | results |");
                s.AppendLine("|---|---:|---:|---:|");
                foreach (var r in search.Recalls) s.AppendLine($"| {r.Query} | {r.Planted} | {r.Found} | {r.Results} |");
            }
        }
        s.AppendLine();
        s.AppendLine("| Target | Measured | Verdict |");
        s.AppendLine("|---|---|---|");
        s.AppendLine($"| P1 durable ingest ≥ 15 % of bare Kestrel | {F(RatioToBareKestrel * 100, "F1")} % | {Verdict(RatioToBareKestrel is { } a ? a >= 0.15 : null)} |");
        s.AppendLine($"| P1 durable ingest ≥ 1.5 × single-row commits | {F(RatioToSingleCommits, "F2")} × | {Verdict(RatioToSingleCommits is { } b ? b >= 1.5 : null)} |");
        s.AppendLine($"| P2 webhook→operator p99 ≤ 100 ms | {F(OperatorP99Ms, "F1")} ms | {Verdict(OperatorP99Ms is { } c ? c <= 100 : null)} |");
        var worst = Query?.Queries.Max(x => x.P95Ms);
        s.AppendLine($"| P3 query p95 ≤ 20 ms (worst query) | {F(worst, "F1")} ms | {Verdict(worst is { } d ? d <= 20 : null)} |");
        var search95 = Query?.Search?.Queries.Max(x => x.P95Ms);
        s.AppendLine($"| P4 search top-20 p95 ≤ 100 ms (worst query) | {F(search95, "F1")} ms | {Verdict(search95 is { } g ? g <= 100 : null)} |");
        var recall = Query?.Search?.Recalls is { Count: > 0 } rs ? rs.Sum(r => r.Found) / (double)Math.Max(1, rs.Sum(r => r.Planted)) : (double?)null;
        s.AppendLine($"| P4 search recall on word forms = 100 % | {F(recall * 100, "F1")} % | {Verdict(recall is { } h ? h >= 1 : null)} |");
        s.AppendLine($"| P5 peak RSS ≤ 300 MB (P2 run) | {F(PeakRssMb)} MB | {Verdict(PeakRssMb is { } e ? e <= 300 : null)} |");
        return s.ToString();
    }

    public static async Task WriteJsonAsync(string path, object value)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, value, value.GetType(), new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
    }
}
