using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Okno.Simulators;
using Okno.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Okno.Tests.Operations;

/// <summary>
/// <c>Okno.Web backup</c> while Okno runs and ingests, <c>restore</c> into a fresh folder, start there: every message
/// acknowledged before the backup began is in the restored database, and the channel secrets still decrypt (keys).
/// Real processes, as an administrator runs them.
/// </summary>
public sealed class BackupRestoreTests(ITestOutputHelper output)
{
    private const string Token = "okno_backup_0123456789abcdef0123456789abcdef";
    private const string BotToken = "7000000001:AAE-backup_token-abcdefghijklmnop";

    private static Dictionary<string, string?> Env(string data) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Okno__DataPath"] = data, ["Okno__Bootstrap__ApiToken"] = Token, ["Okno__Metrics__Enabled"] = "false",
    };

    private static async Task<(int Code, string Output)> CommandAsync(string cwd, string data, params string[] args)
    {
        await using var command = OknoProcess.Start("dotnet", [RepoPaths.WebBuildOutput, .. args], cwd, Env(data));
        Assert.True(await command.WaitForExitAsync(TimeSpan.FromMinutes(2)), "the command did not finish:\n" + command.Output);
        return (command.ExitCode, command.Output);
    }

    [Fact]
    public async Task Backup_DuringIngest_RestoredCopyHoldsEveryAcknowledgedMessage()
    {
        var root = Directory.CreateTempSubdirectory("okno-backup-test-").FullName;
        var original = Path.Combine(root, "original");
        var restored = Path.Combine(root, "restored");
        var archive = Path.Combine(root, "okno-backup.tar.gz");
        try
        {
            await using var sim = await SimulatorHost.StartAsync();
            string channelId;
            var acked = new ConcurrentDictionary<string, long>(); // text → when acknowledged (Stopwatch ticks)
            var clock = Stopwatch.StartNew();
            long backupStarted;
            await using (var okno = OknoProcess.Start("dotnet", [RepoPaths.WebBuildOutput, "--urls", "http://127.0.0.1:0"], root, Env(original)))
            {
                await okno.WaitForWelcomeAsync(TimeSpan.FromSeconds(90));
                using var http = new HttpClient { BaseAddress = new Uri(okno.Url) };
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
                var secret = "backup-" + Guid.NewGuid().ToString("N");
                var created = await http.PostAsJsonAsync("/api/v1/channels", new JsonObject
                {
                    ["kind"] = "telegram", ["name"] = "Backup bot",
                    ["settings"] = new JsonObject { ["botToken"] = BotToken, ["secretToken"] = secret, ["mode"] = "webhook", ["apiBaseUrl"] = sim.UrlOf("telegram") },
                });
                var channel = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
                Assert.True(created.StatusCode == HttpStatusCode.Created, channel.ToJsonString());
                channelId = channel["id"]!.GetValue<string>();

                // Ingest runs all through the backup: 4 senders posting webhooks as fast as they are acknowledged.
                using var stop = new CancellationTokenSource();
                var senders = Enumerable.Range(0, 4).Select(s => Task.Run(async () =>
                {
                    for (var i = 0; !stop.IsCancellationRequested && i < 5000; i++)
                    {
                        var text = $"Сообщение {s}-{i} {Guid.NewGuid():N}";
                        using var post = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/{channelId}") { Content = JsonContent.Create(sim.Telegram.TextUpdate(6_600_000 + s * 100 + i % 50, text)) };
                        post.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
                        using var response = await http.SendAsync(post);
                        if (response.StatusCode == HttpStatusCode.OK) acked[text] = clock.ElapsedTicks;
                    }
                })).ToList();
                await OknoApp.EventuallyAsync(() => Task.FromResult(acked.Count >= 200), TimeSpan.FromSeconds(60), "200 acknowledged webhooks");

                backupStarted = clock.ElapsedTicks;
                var countAtStart = acked.Count;
                var (code, text) = await CommandAsync(root, original, "backup", "--to", archive);
                var countAtEnd = acked.Count;
                await stop.CancelAsync();
                await Task.WhenAll(senders);
                output.WriteLine(text);
                output.WriteLine($"acknowledged: {countAtStart} before the backup, {countAtEnd - countAtStart} during it, {acked.Count} in all");
                Assert.Equal(0, code);
                Assert.True(countAtEnd > countAtStart, "ingest went on while the backup ran");
                Assert.True((await okno.InterruptAsync(TimeSpan.FromSeconds(20))).HasValue);
            }

            var (restoreCode, restoreText) = await CommandAsync(root, restored, "restore", "--from", archive);
            output.WriteLine(restoreText);
            Assert.Equal(0, restoreCode);
            Assert.True(Directory.EnumerateFiles(Path.Combine(restored, "keys"), "*.xml").Any(), "the Data Protection keys are restored");

            // Restoring over data is refused, in plain words.
            var (again, againText) = await CommandAsync(root, restored, "restore", "--from", archive);
            Assert.Equal(78, again);
            Assert.Contains("is not empty", againText, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", againText, StringComparison.Ordinal);

            await using (var okno = OknoProcess.Start("dotnet", [RepoPaths.WebBuildOutput, "--urls", "http://127.0.0.1:0"], root, Env(restored)))
            {
                await okno.WaitForWelcomeAsync(TimeSpan.FromSeconds(90));
                using var http = new HttpClient { BaseAddress = new Uri(okno.Url) };
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
                var channel = await http.GetAsync($"/api/v1/channels/{channelId}");
                Assert.True(channel.StatusCode == HttpStatusCode.OK, await channel.Content.ReadAsStringAsync()); // its secrets decrypt with the restored keys
                Assert.True((await okno.InterruptAsync(TimeSpan.FromSeconds(20))).HasValue);
            }

            var stored = new HashSet<string>(StringComparer.Ordinal);
            await using (var db = new SqliteConnection($"Data Source={Path.Combine(restored, "okno.db")};Mode=ReadOnly;Pooling=False"))
            {
                await db.OpenAsync();
                await using var query = db.CreateCommand();
                query.CommandText = "SELECT Text FROM Messages WHERE Text IS NOT NULL";
                await using var reader = await query.ExecuteReaderAsync();
                while (await reader.ReadAsync()) stored.Add(reader.GetString(0));
            }
            var before = acked.Where(a => a.Value < backupStarted).Select(a => a.Key).ToList();
            var missing = before.Where(t => !stored.Contains(t)).ToList();
            output.WriteLine($"{before.Count} acknowledged before the backup began; {stored.Count} messages restored; {missing.Count} missing");
            Assert.NotEmpty(before);
            Assert.Empty(missing);
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }
}
