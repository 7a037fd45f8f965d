using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace Okno.Web.Privacy;

public sealed record VerifyProblem(string File, string Problem);

/// <summary>
/// Ok only when the signature over manifest.json is valid, the key is one this server signs with (when the caller
/// knows them), every file the manifest lists is in the archive with that SHA-256 and size, and nothing else is.
/// </summary>
public sealed record VerifyResult(bool Ok, bool SignatureValid, bool? KeyTrusted, string? KeyId, long? ConversationId, DateTimeOffset? ExportedAt,
    int FilesChecked, IReadOnlyList<VerifyProblem> Problems);

/// <summary>Checks an export made by <see cref="CourtExport"/>; reads the archive, never trusts what it says about itself.</summary>
public static class ExportVerifier
{
    private const long MaxManifest = 16 * 1024 * 1024;

    /// <param name="trustedKeyIds">The key ids of this server; null when they cannot be read (the key is then only reported).</param>
    public static async Task<VerifyResult> VerifyAsync(Stream archive, IReadOnlyCollection<string>? trustedKeyIds, CancellationToken ct)
    {
        ZipArchive zip;
        try { zip = new ZipArchive(archive, ZipArchiveMode.Read, leaveOpen: true); }
        catch (InvalidDataException) { return Fail("(архив)", "Это не ZIP-архив / not a ZIP archive."); }
        using (zip)
        {
            var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
            foreach (var e in zip.Entries) if (!entries.TryAdd(e.FullName, e)) return Fail(e.FullName, "Файл встречается в архиве дважды / the file appears twice.");
            if (!entries.TryGetValue(CourtExport.ManifestName, out var manifestEntry)) return Fail(CourtExport.ManifestName, "Нет манифеста / no manifest.");
            if (!entries.TryGetValue(CourtExport.SignatureName, out var signatureEntry)) return Fail(CourtExport.SignatureName, "Нет подписи / no signature.");
            if (manifestEntry.Length > MaxManifest) return Fail(CourtExport.ManifestName, "Манифест слишком велик / the manifest is too large.");
            byte[] manifestBytes, signature;
            try { (manifestBytes, signature) = (await ReadAllAsync(manifestEntry, ct), await ReadAllAsync(signatureEntry, ct)); }
            catch (InvalidDataException) { return Fail(CourtExport.ManifestName, "Манифест или подпись повреждены / the manifest or signature is damaged."); }

            CourtExport.Manifest? manifest;
            try { manifest = JsonSerializer.Deserialize<CourtExport.Manifest>(manifestBytes, ExportData.Json); }
            catch (JsonException) { manifest = null; }
            if (manifest is null || manifest.Files is null || manifest.PublicKey is null)
                return Fail(CourtExport.ManifestName, "Манифест не читается / the manifest cannot be read.");

            bool signatureValid;
            string keyId;
            try
            {
                var spki = Convert.FromBase64String(manifest.PublicKey);
                keyId = ExportSigner.KeyIdOf(spki);
                using var key = ECDsa.Create();
                key.ImportSubjectPublicKeyInfo(spki, out _);
                signatureValid = key.VerifyData(manifestBytes, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            }
            catch (Exception e) when (e is FormatException or CryptographicException)
            {
                return Fail(CourtExport.ManifestName, "Открытый ключ в манифесте не читается / the public key cannot be read.");
            }

            var problems = new List<VerifyProblem>();
            if (!signatureValid) problems.Add(new VerifyProblem(CourtExport.ManifestName, "Подпись не сходится: манифест изменён после выгрузки / the signature does not match: the manifest was changed."));
            bool? trusted = trustedKeyIds is null ? null : trustedKeyIds.Contains(keyId, StringComparer.Ordinal);
            if (trusted == false) problems.Add(new VerifyProblem(CourtExport.ManifestName, "Подписано не ключом этого сервера / signed by a key this server does not hold."));

            var listed = new HashSet<string>(StringComparer.Ordinal) { CourtExport.ManifestName, CourtExport.SignatureName };
            foreach (var f in manifest.Files)
            {
                listed.Add(f.Path);
                if (!entries.TryGetValue(f.Path, out var entry)) { problems.Add(new VerifyProblem(f.Path, "Файла нет в архиве / the file is missing.")); continue; }
                string sha;
                long size;
                try { (sha, size) = await HashAsync(entry, ct); }
                catch (InvalidDataException) { problems.Add(new VerifyProblem(f.Path, "Файл повреждён в архиве / the file is damaged.")); continue; }
                if (!string.Equals(sha, f.Sha256, StringComparison.OrdinalIgnoreCase) || size != f.Size)
                    problems.Add(new VerifyProblem(f.Path, "Содержимое изменено: SHA-256 не совпадает с манифестом / the content was changed: SHA-256 differs."));
            }
            foreach (var extra in entries.Keys.Where(k => !listed.Contains(k)).Order(StringComparer.Ordinal))
                problems.Add(new VerifyProblem(extra, "Файл добавлен: его нет в манифесте / the file was added: not in the manifest."));
            return new VerifyResult(problems.Count == 0, signatureValid, trusted, keyId, manifest.ConversationId, manifest.ExportedAt, manifest.Files.Count, problems);
        }
    }

    private static VerifyResult Fail(string file, string problem) => new(false, false, null, null, null, null, 0, [new VerifyProblem(file, problem)]);

    private static async Task<byte[]> ReadAllAsync(ZipArchiveEntry entry, CancellationToken ct)
    {
        await using var s = await entry.OpenAsync(ct);
        using var copy = new MemoryStream();
        await s.CopyToAsync(copy, ct);
        return copy.ToArray();
    }

    private static async Task<(string Sha256, long Size)> HashAsync(ZipArchiveEntry entry, CancellationToken ct)
    {
        await using var s = await entry.OpenAsync(ct);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await s.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            size += read;
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }
}
