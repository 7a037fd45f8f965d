using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Security;

/// <summary>
/// Issue 10.10: the Data Protection key ring (it decrypts every channel token) lay in plain XML next to the
/// database (in it, on PostgreSQL): one backup gave away every secret.
/// </summary>
public sealed class PlainDataProtectionKeysTests(SqliteOknoApp app) : OknoTest<SqliteOknoApp>(app)
{
    private string CertificateFile(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Okno Data Protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(App.DataDir, $"dp-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, cert.Export(X509ContentType.Pfx, password));
        return path;
    }

    [SkippableFact]
    public async Task NewKey_CertificateConfigured_StoredEncrypted()
    {
        const string password = "pfx-password-1";
        var pfx = CertificateFile(password);
        // Its own key folder: the fixture's other hosts must not meet a key they cannot decrypt.
        using var host = App.WithWebHostBuilder(b => b
            .UseSetting("Okno:DataProtection:KeysPath", Path.Combine(App.DataDir, "keys-" + Guid.NewGuid().ToString("N")))
            .UseSetting("Okno:DataProtection:CertificatePath", pfx)
            .UseSetting("Okno:DataProtection:CertificatePassword", password));
        var keys = host.Services.GetRequiredService<IKeyManager>();

        var key = keys.CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));

        var repository = host.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository!;
        var xml = repository.GetAllElements().Single(e => (string?)e.Attribute("id") == key.KeyId.ToString()).ToString();
        Assert.Contains("EncryptedXml", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("unencrypted form", xml, StringComparison.Ordinal);
        // and the ring still works: what is protected now can be read back
        var protector = host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        Assert.Equal("секрет", protector.Unprotect(protector.Protect("секрет")));
        await Task.CompletedTask;
    }

    [SkippableFact]
    public async Task StartUp_NoCertificate_WarnsLoudly()
    {
        var logs = new CapturedLogs();
        using var host = App.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddLogging(l => l.AddProvider(logs))));
        using var client = host.CreateClient();

        await client.GetAsync("/healthz");

        Assert.Contains(logs.Lines, l => l.Contains("Data Protection keys are stored unencrypted", StringComparison.Ordinal));
    }
}
