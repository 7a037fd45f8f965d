using Okno.Bench.Ceilings;
using Okno.Bench.Durability;
using Okno.Bench.Load;
using Okno.Bench.Query;
using Okno.Bench.Report;

namespace Okno.Bench;

/// <summary>
/// `dotnet run -c Release --project bench/Okno.Bench -- [run|durability] [options]` (see bench/README.md).
/// </summary>
public static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["bare-kestrel", var url]) { await BareKestrel.RunChildAsync(url); return 0; }
        BenchOptions o;
        try { o = BenchOptions.Parse(args); }
        catch (ArgumentException ex) { await Console.Error.WriteLineAsync(ex.Message); return 2; }

        switch (o.Command)
        {
            case "durability":
                var inbound = await InboundDurability.RunAsync(InboundDurability.Settings.From(o), Console.WriteLine);
                var outbound = await OutboundDurability.RunAsync(OutboundDurability.Settings.From(o), Console.WriteLine);
                var outboundVk = await OutboundDurability.RunAsync(OutboundDurability.Settings.From(o, "vk"), Console.WriteLine);
                Console.WriteLine(inbound.ToMarkdown());
                Console.WriteLine(outbound.ToMarkdown());
                Console.WriteLine(outboundVk.ToMarkdown());
                await BenchReport.WriteJsonAsync(o.Out, new { inbound, outbound, outboundVk });
                return inbound.Lost == 0 && inbound.Duplicates == 0 && outbound.Missing == 0 && outboundVk.Missing == 0 ? 0 : 1;
            case "reports":
                var reports = await Reports.ReportsRun.RunAsync(o);
                Console.WriteLine();
                Console.WriteLine(Reports.ReportsRun.ToMarkdown(reports));
                await BenchReport.WriteJsonAsync(o.Out, reports);
                return reports.Timings.All(t => t.MedianMs < 1000) ? 0 : 1;
            case "run":
                var report = await RunAsync(o);
                Console.WriteLine();
                Console.WriteLine(report.ToMarkdown());
                await BenchReport.WriteJsonAsync(o.Out, report);
                Console.WriteLine($"JSON: {Path.GetFullPath(o.Out)}");
                return 0;
            default:
                await Console.Error.WriteLineAsync("Commands: run (default), durability, reports");
                return 2;
        }
    }

    private static async Task<BenchReport> RunAsync(BenchOptions o)
    {
        var report = new BenchReport { Machine = BenchReport.DescribeMachine(), Database = o.Postgres is null ? "SQLite" : "PostgreSQL", Seconds = o.Seconds };
        if (!o.SkipIngest)
        {
            for (var run = 1; run <= o.Runs; run++)
            {
                Console.WriteLine($"Run {run}/{o.Runs}: P1 Okno at max rate");
                report.P1Okno.Add(await IngestBench.RunOknoAsync(o, null, 0));
                Console.WriteLine($"  {report.P1Okno[^1].AckedPerSecond:F0}/s");
                Console.WriteLine($"Run {run}/{o.Runs}: bare Kestrel at max rate");
                report.P1Bare.Add(await IngestBench.RunBareAsync(o, null));
                Console.WriteLine($"  {report.P1Bare[^1].AckedPerSecond:F0}/s");
                Console.WriteLine($"Run {run}/{o.Runs}: raw SQLite commits");
                report.Sqlite.Add(SqliteCeiling.Measure(TimeSpan.FromSeconds(Math.Min(o.Seconds, 10))));
                Console.WriteLine($"  single {report.Sqlite[^1].SingleRowCommitsPerSecond:F0}/s, batched {report.Sqlite[^1].BatchedRowsPerSecond:F0} rows/s");
                Console.WriteLine($"Run {run}/{o.Runs}: P2 Okno at {(o.Rate is { } r ? r + "/s" : "max")} with {o.Operators} operators");
                report.P2.Add(await IngestBench.RunOknoAsync(o, o.Rate, o.Operators));
                Console.WriteLine($"  operator p99 {report.P2[^1].OperatorP99Ms:F1} ms, ack p99 {report.P2[^1].AckP99Ms:F1} ms, RSS {report.P2[^1].PeakRssMb:F0} MB");
            }
        }
        if (!o.SkipQuery && o.Target is null)
        {
            Console.WriteLine($"P3: seeding {o.SeedMessages:N0} messages and timing queries");
            report.Query = await QueryRun.RunAsync(o);
        }
        return report;
    }
}
