using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Okno.Core;
using Okno.Core.Data;
using Okno.Web.Auth;
using Okno.Web.Conversations;

namespace Okno.Web.Privacy;

/// <summary>
/// A conversation as evidence (for court or the client): a ZIP with <c>conversation.html</c> (readable), <c>messages.json</c>
/// (every message: UTC and Moscow times, channel and account, the client's address, attachments with SHA-256),
/// <c>files/…</c> (the stored bytes), <c>manifest.json</c> (each file's SHA-256 and size, the server's public key) and
/// <c>manifest.sig</c> (ECDSA P-256 over the exact bytes of manifest.json). <see cref="ExportVerifier"/> checks it.
/// </summary>
public sealed class CourtExport(OknoDbContext db, ExportData data, ExportSigner signer, TimeProvider clock)
{
    public const string Format = "okno-conversation-export/1";
    public const string ManifestName = "manifest.json", SignatureName = "manifest.sig";

    public sealed record ManifestFile(string Path, string Sha256, long Size);

    public sealed record Manifest(string Format, long ConversationId, long ContactId, DateTimeOffset ExportedAt, string ExportedAtMoscow,
        long ExportedById, string ExportedBy, string Algorithm, string KeyId, string PublicKey, IReadOnlyList<ManifestFile> Files);

    /// <summary>Writes the archive into <paramref name="output"/>; returns how many messages and files it holds.</summary>
    public async Task<(int Messages, int Files)> WriteAsync(long conversationId, CurrentUser user, Stream output, CancellationToken ct)
    {
        var conversation = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, ct) ?? throw new NotFoundException("Обращение не найдено.");
        if (!await Okno.Core.Conversations.ConversationAccess.CanSeeAsync(db, conversationId, user.Id, user.Role, ct)) throw new NotFoundException("Обращение не найдено.");
        var contact = await db.Contacts.AsNoTracking().FirstAsync(c => c.Id == conversation.ContactId, ct);
        var identities = await db.Identities.AsNoTracking().Where(i => i.ContactId == contact.Id).OrderBy(i => i.Id).ToListAsync(ct);
        var key = await signer.PublicKeyAsync(ct);
        var now = clock.GetUtcNow();
        var listed = new List<ManifestFile>();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var c = (await data.ConversationsAsync([conversationId], user, zip, ct)).Single();
            foreach (var f in c.Messages.SelectMany(m => m.Files).Where(f => f.Path is not null)) listed.Add(new ManifestFile(f.Path!, f.Sha256!, f.Size ?? 0));
            var client = new
            {
                contact.Id, Name = Masking.Text(contact.Name, user),
                Identities = identities.Select(i => new { Kind = Okno.Core.Contacts.IdentityKindNames.ToWire(i.Kind), Value = Masking.Identity(i.Kind, i.Value, user) }),
            };
            var messages = ExportData.JsonBytes(new { Format, ExportedAt = now, Conversation = c with { Messages = [] }, Client = client, c.Messages });
            var (mSha, mSize) = await ExportData.WriteAsync(zip, "messages.json", messages, ct);
            listed.Add(new ManifestFile("messages.json", mSha, mSize));
            var html = Encoding.UTF8.GetBytes(Html(c, client.Name, client.Identities.Select(i => i.Value), now, user, key));
            var (hSha, hSize) = await ExportData.WriteAsync(zip, "conversation.html", html, ct);
            listed.Add(new ManifestFile("conversation.html", hSha, hSize));
            var manifest = ExportData.JsonBytes(new Manifest(Format, conversationId, contact.Id, now, ExportData.Moscow(now), user.Id, user.Name,
                key.Algorithm, key.KeyId, key.PublicKey, listed.OrderBy(f => f.Path, StringComparer.Ordinal).ToList()));
            await ExportData.WriteAsync(zip, ManifestName, manifest, ct);
            await ExportData.WriteAsync(zip, SignatureName, await signer.SignAsync(manifest, ct), ct);
            return (c.Messages.Count, listed.Count - 2);
        }
    }

    private static string Html(ExportConversation c, string? name, IEnumerable<string> identities, DateTimeOffset now, CurrentUser user, ExportSigner.PublicKeyInfo key)
    {
        var body = new StringBuilder();
        body.Append("<h1>Переписка с клиентом — обращение №").Append(c.Id).Append("</h1>");
        body.Append("<p>Клиент: <b>").Append(ArchiveHtml.H(name ?? "без имени")).Append("</b> (№").Append(c.ContactId).Append(')');
        foreach (var i in identities) body.Append(" · ").Append(ArchiveHtml.H(i));
        body.Append("</p><p class=\"hint\">Выгружено ").Append(ArchiveHtml.H(ExportData.Moscow(now))).Append(" (").Append(ArchiveHtml.H(ExportData.Utc(now)))
            .Append("), выгрузил: ").Append(ArchiveHtml.H(user.Name)).Append(". Целостность: в manifest.json — SHA-256 каждого файла архива, в manifest.sig — подпись ")
            .Append(ArchiveHtml.H(key.Algorithm)).Append(" ключом сервера ").Append(key.KeyId[..16]).Append("…; проверка: <code>dotnet Okno.Web.dll verify-export ФАЙЛ.zip</code> или POST /api/v1/exports/verify.</p>");
        ArchiveHtml.Conversation(body, c, withHashes: true);
        return ArchiveHtml.Page($"Обращение №{c.Id} — выгрузка для суда", body.ToString());
    }
}
