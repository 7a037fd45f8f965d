using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Privacy;

/// <summary>Issue 15.6: a conversation's signed export for court, and its verification (API and the host's command).</summary>
public abstract class CourtExportTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private async Task<(DsrClient Client, byte[] Zip, Dictionary<string, byte[]> Files)> ExportAsync()
    {
        var client = await DataSubjectKit.ClientAsync(App);
        using var admin = App.Api();
        var response = await admin.GetAsync($"/api/v1/conversations/{client.FirstId}/export/court");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var zip = await response.Content.ReadAsByteArrayAsync();
        return (client, zip, await DataSubjectKit.UnzipAsync(new HttpResponseMessage { Content = new ByteArrayContent(zip) }));
    }

    private async Task<JsonObject> VerifyAsync(byte[] zip)
    {
        using var admin = App.Api();
        using var body = new ByteArrayContent(zip);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        var response = await admin.PostAsync("/api/v1/exports/verify", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static IEnumerable<string> ProblemFiles(JsonObject result) => result["problems"]!.AsArray().Select(p => p!["file"]!.GetValue<string>());

    [SkippableFact]
    public async Task Export_EveryMessageWithTimesChannelAndFileHashes_SignedManifest()
    {
        var (client, _, files) = await ExportAsync();
        using var admin = App.Api();
        var history = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/conversations/{client.FirstId}/messages"))!["items"]!.AsArray();
        var manifest = JsonNode.Parse(files["manifest.json"])!;
        var messages = JsonNode.Parse(files["messages.json"])!["messages"]!.AsArray();
        var key = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/exports/public-key"))!;

        Assert.Equal(history.Select(m => m!["id"]!.GetValue<long>()).Order(), messages.Select(m => m!["id"]!.GetValue<long>()).Order());
        var inbound = messages.First(m => m!["direction"]!.GetValue<string>() == "inbound")!;
        Assert.Equal("webchat", inbound["channel"]!["kind"]!.GetValue<string>());
        Assert.EndsWith("МСК (+03:00)", inbound["createdAtMoscow"]!.GetValue<string>(), StringComparison.Ordinal);
        var file = messages.SelectMany(m => m!["files"]!.AsArray()).Single()!;
        Assert.Equal(client.File, files[file["path"]!.GetValue<string>()]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(client.File)), file["sha256"]!.GetValue<string>());
        foreach (var f in manifest["files"]!.AsArray())
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(files[f!["path"]!.GetValue<string>()])), f["sha256"]!.GetValue<string>());
        Assert.Equal(files.Keys.Where(k => k is not ("manifest.json" or "manifest.sig")).Order(StringComparer.Ordinal),
            manifest["files"]!.AsArray().Select(f => f!["path"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(key["publicKey"]!.GetValue<string>(), manifest["publicKey"]!.GetValue<string>());
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(key["publicKey"]!.GetValue<string>()), out _);
        Assert.True(ecdsa.VerifyData(files["manifest.json"], files["manifest.sig"], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        var html = Encoding.UTF8.GetString(files["conversation.html"]);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(client.File)), html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        var audit = await admin.GetStringAsync($"/api/v1/audit?objectType=conversation&objectId={client.FirstId}");
        Assert.Contains("rows=" + (messages.Count + 1).ToString(CultureInfo.InvariantCulture) + " archive=court", audit, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Verify_Untouched_Ok_OneByteOfAFileChanged_NamesIt_ManifestChanged_Fails()
    {
        var (_, zip, files) = await ExportAsync();
        var path = files.Keys.Single(k => k.StartsWith("files/", StringComparison.Ordinal));

        var untouched = await VerifyAsync(zip);
        var fileBytes = files[path].ToArray();
        fileBytes[fileBytes.Length / 2] ^= 1;
        var changedFile = await VerifyAsync(DataSubjectKit.Zip(new Dictionary<string, byte[]>(files) { [path] = fileBytes }));
        var manifest = Encoding.UTF8.GetString(files["manifest.json"]).Replace("\"conversationId\": ", "\"conversationId\": 1", StringComparison.Ordinal);
        var changedManifest = await VerifyAsync(DataSubjectKit.Zip(new Dictionary<string, byte[]>(files) { ["manifest.json"] = Encoding.UTF8.GetBytes(manifest) }));
        var messages = Encoding.UTF8.GetString(files["messages.json"]).Replace("Добрый день", "Добрый вечер", StringComparison.Ordinal);
        var changedText = await VerifyAsync(DataSubjectKit.Zip(new Dictionary<string, byte[]>(files) { ["messages.json"] = Encoding.UTF8.GetBytes(messages) }));
        var added = await VerifyAsync(DataSubjectKit.Zip(new Dictionary<string, byte[]>(files) { ["files/99-подложный.pdf"] = "%PDF-1.4"u8.ToArray() }));

        Assert.True(untouched["ok"]!.GetValue<bool>(), untouched.ToJsonString());
        Assert.True(untouched["keyTrusted"]!.GetValue<bool>());
        Assert.Empty(untouched["problems"]!.AsArray());
        Assert.False(changedFile["ok"]!.GetValue<bool>());
        Assert.Equal([path], ProblemFiles(changedFile));
        Assert.False(changedManifest["ok"]!.GetValue<bool>());
        Assert.False(changedManifest["signatureValid"]!.GetValue<bool>());
        Assert.Contains("manifest.json", ProblemFiles(changedManifest));
        Assert.Equal(["messages.json"], ProblemFiles(changedText));
        Assert.Equal(["files/99-подложный.pdf"], ProblemFiles(added));
    }

    [SkippableFact]
    public async Task VerifyCommand_OfTheHost_ExitCodeAndTheChangedFileNamed()
    {
        var (_, zip, files) = await ExportAsync();
        var path = files.Keys.Single(k => k.StartsWith("files/", StringComparison.Ordinal));
        var dir = Directory.CreateTempSubdirectory("okno-verify-").FullName;
        try
        {
            var good = Path.Combine(dir, "export.zip");
            await File.WriteAllBytesAsync(good, zip);
            var bytes = files[path].ToArray();
            bytes[0] ^= 0x20;
            var bad = Path.Combine(dir, "changed.zip");
            await File.WriteAllBytesAsync(bad, DataSubjectKit.Zip(new Dictionary<string, byte[]>(files) { [path] = bytes }));

            var (okCode, okOutput) = await CommandAsync(dir, "verify-export", good);
            var (badCode, badOutput) = await CommandAsync(dir, "verify-export", bad);

            Assert.True(okCode == 0, okOutput);
            Assert.Contains("Выгрузка цела", okOutput, StringComparison.Ordinal);
            Assert.DoesNotContain("ключи сервера недоступны", okOutput, StringComparison.Ordinal);
            Assert.Equal(1, badCode);
            Assert.Contains(path, badOutput, StringComparison.Ordinal);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    /// <summary>The built host run as an administrator runs it, with this test server's database and data folder.</summary>
    private async Task<(int Code, string Output)> CommandAsync(string cwd, params string[] args)
    {
        var env = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Okno__DataPath"] = App.DataDir, ["Okno__Metrics__Enabled"] = "false",
            ["Okno__Database__Provider"] = App.Services.GetRequiredService<Okno.Core.Data.DatabaseOptions>().Provider.ToString(),
            ["ConnectionStrings__Okno"] = App.ConnectionString,
        };
        await using var command = OknoProcess.Start("dotnet", [RepoPaths.WebBuildOutput, .. args], cwd, env);
        Assert.True(await command.WaitForExitAsync(TimeSpan.FromMinutes(2)), "the command did not finish:\n" + command.Output);
        return (command.ExitCode, command.Output);
    }
}

public sealed class SqliteCourtExportTests(SqliteOknoApp app) : CourtExportTests<SqliteOknoApp>(app);

public sealed class PostgresCourtExportTests(PostgresOknoApp app) : CourtExportTests<PostgresOknoApp>(app);
