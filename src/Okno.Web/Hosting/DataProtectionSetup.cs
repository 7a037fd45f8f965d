using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Okno.Core.Data;

namespace Okno.Web.Hosting;

/// <summary>
/// The key ring that encrypts channel secrets and widget tokens. On PostgreSQL the keys live in the database,
/// so every node of a cluster shares them; a folder can still be named explicitly. With
/// Okno:DataProtection:CertificatePath (a PFX; its password in Okno:DataProtection:CertificatePassword, best
/// from the environment) the keys are stored encrypted with that certificate: a backup of the database and
/// the data folder alone then reveals no channel token. Without it Okno warns at every start.
/// </summary>
public static class DataProtectionSetup
{
    public static void AddOknoDataProtection(this WebApplicationBuilder builder, DatabaseOptions database, OknoOptions options)
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName("Okno");
        var keysPath = builder.Configuration["Okno:DataProtection:KeysPath"];
        if (string.IsNullOrEmpty(keysPath) && database.Provider == DatabaseProvider.Postgres)
            protection.PersistKeysToDbContext<OknoDbContext>();
        else
            protection.PersistKeysToFileSystem(new DirectoryInfo(string.IsNullOrEmpty(keysPath) ? Path.Combine(options.DataPath, "keys") : keysPath));

        if (builder.Configuration["Okno:DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath,
                builder.Configuration["Okno:DataProtection:CertificatePassword"], X509KeyStorageFlags.EphemeralKeySet);
            protection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
    }

    public static void WarnIfKeysUnprotected(this WebApplication app)
    {
        if (!string.IsNullOrEmpty(app.Configuration["Okno:DataProtection:CertificatePath"])) return;
        app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogWarning(
            "SECURITY: Data Protection keys are stored unencrypted. Anyone with a copy of the database or the data folder " +
            "can decrypt every channel token. Set Okno:DataProtection:CertificatePath (and CertificatePassword) to encrypt them."));
    }
}
