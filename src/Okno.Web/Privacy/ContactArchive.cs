using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Okno.Core;
using Okno.Core.Audit;
using Okno.Core.Contacts;
using Okno.Core.Data;
using Okno.Web.Auth;
using Okno.Web.Conversations;

namespace Okno.Web.Privacy;

/// <summary>
/// Everything Okno holds about a client, for their request under 152-ФЗ (art. 14): <c>contact.json</c> (names,
/// identities, addresses, labels, notes), <c>conversations/N.json</c> (every message), <c>files/…</c> (stored bytes),
/// <c>consents.json</c>, <c>audit.json</c> (who opened or exported the client's card and conversations) and
/// <c>index.html</c>, a Russian page that lists it all with links to the files.
/// </summary>
public sealed class ContactArchive(OknoDbContext db, ExportData data)
{
    /// <summary>Writes the archive; returns the number of rows (records) it holds, for the audit.</summary>
    public async Task<int> WriteAsync(long contactId, CurrentUser user, Stream output, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contactId && c.MergedIntoId == null, ct) ?? throw new NotFoundException("Клиент не найден.");
        if (!await Okno.Core.Conversations.ConversationAccess.CanSeeContactAsync(db, contactId, user.Id, user.Role, ct)) throw new NotFoundException("Клиент не найден.");
        // An archive must be whole: one with a walled conversation left out would look complete and is not.
        if (await db.Conversations.CountAsync(c => c.ContactId == contactId, ct) !=
            await Okno.Core.Conversations.ConversationAccess.VisibleTo(db.Conversations.Where(c => c.ContactId == contactId), db, user.Id, user.Role).CountAsync(ct))
            throw new Okno.Core.DomainException("Часть переписки клиента закрыта этической стеной: выгрузку делает сотрудник, допущенный к ней.");
        var identities = await db.Identities.AsNoTracking().Where(i => i.ContactId == contactId).OrderBy(i => i.Id).ToListAsync(ct);
        var labels = await db.ContactLabels.AsNoTracking().Where(l => l.ContactId == contactId).OrderBy(l => l.Id).ToListAsync(ct);
        var notes = await db.ContactNotes.AsNoTracking().Where(n => n.ContactId == contactId).OrderBy(n => n.Id).ToListAsync(ct);
        var consents = await ConsentQueries.ForContactAsync(db, contactId, ct);
        var conversationIds = await db.Conversations.AsNoTracking().Where(c => c.ContactId == contactId).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var ids = conversationIds.Select(AuditChain.Id).ToList();
        var contactKey = AuditChain.Id(contactId);
        var audit = await db.AuditEntries.AsNoTracking()
            .Where(e => (e.ObjectType == AuditObjects.Contact && e.ObjectId == contactKey) || (e.ObjectType == AuditObjects.Conversation && ids.Contains(e.ObjectId!)))
            .OrderBy(e => e.Id).ToListAsync(ct);
        var staff = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);

        var card = new
        {
            contact.Id, Name = Masking.Text(contact.Name, user), contact.CreatedAt, contact.ErasedAt,
            Identities = identities.Select(i => new { Kind = IdentityKindNames.ToWire(i.Kind), Value = Masking.Identity(i.Kind, i.Value, user), i.CreatedAt }).ToList(),
            Labels = labels.Select(l => new { l.Text, l.CreatedAt }).ToList(),
            Notes = notes.Select(n => new { Text = Masking.Text(n.Text, user)!, Author = n.AuthorId is { } a ? staff.GetValueOrDefault(a) : null, n.CreatedAt }).ToList(),
        };
        var accessLog = audit.Select(e => new
        {
            e.Id, e.At, AtMoscow = ExportData.Moscow(e.At), e.UserId, User = e.UserId is { } u ? staff.GetValueOrDefault(u) : null,
            e.Action, e.ObjectType, e.ObjectId, e.Ip, e.Detail,
        }).ToList();

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var conversations = await data.ConversationsAsync(conversationIds, user, zip, ct);
        await ExportData.WriteAsync(zip, "contact.json", ExportData.JsonBytes(card), ct);
        foreach (var c in conversations) await ExportData.WriteAsync(zip, $"conversations/{c.Id}.json", ExportData.JsonBytes(c), ct);
        await ExportData.WriteAsync(zip, "consents.json", ExportData.JsonBytes(consents), ct);
        await ExportData.WriteAsync(zip, "audit.json", ExportData.JsonBytes(accessLog), ct);
        var html = Index(card.Id, card.Name, contact.CreatedAt, card.Identities.Select(i => (i.Kind, i.Value)), labels.Select(l => l.Text),
            card.Notes.Select(n => (n.Text, n.Author, n.CreatedAt)), consents, conversations, accessLog.Count);
        await ExportData.WriteAsync(zip, "index.html", Encoding.UTF8.GetBytes(html), ct);
        var messages = conversations.Sum(c => c.Messages.Count);
        var files = conversations.Sum(c => c.Messages.Sum(m => m.Files.Count));
        return 1 + identities.Count + labels.Count + notes.Count + consents.Count + conversations.Count + messages + files + audit.Count;
    }

    private static string Index(long id, string? name, DateTimeOffset since, IEnumerable<(string Kind, string Value)> identities, IEnumerable<string> labels,
        IEnumerable<(string Text, string? Author, DateTimeOffset At)> notes, IReadOnlyList<ConsentDto> consents, IReadOnlyList<ExportConversation> conversations, int auditRows)
    {
        static string H(string? s) => ArchiveHtml.H(s);
        var b = new StringBuilder();
        b.Append("<h1>Данные клиента: ").Append(H(name ?? "без имени")).Append("</h1>");
        b.Append("<p class=\"hint\">Клиент №").Append(id).Append(" · в системе с ").Append(H(ExportData.Moscow(since)))
            .Append(". Выгрузка по запросу субъекта персональных данных (152-ФЗ): всё, что хранит «Окно». Машиночитаемые данные — в файлах JSON рядом с этой страницей.</p>");
        b.Append("<h2>Адреса и идентификаторы</h2><table><tr><th>Тип</th><th>Значение</th></tr>");
        foreach (var (kind, value) in identities) b.Append("<tr><td>").Append(H(Ui.ChannelBadge.Title(kind, false))).Append("</td><td>").Append(H(value)).Append("</td></tr>");
        b.Append("</table>");
        var labelList = labels.ToList();
        if (labelList.Count > 0) b.Append("<h2>Метки</h2><p>").Append(string.Join(", ", labelList.Select(H))).Append("</p>");
        var noteList = notes.ToList();
        if (noteList.Count > 0)
        {
            b.Append("<h2>Заметки сотрудников</h2>");
            foreach (var (text, author, at) in noteList) b.Append("<p><span class=\"meta\">").Append(H(ExportData.Moscow(at))).Append(author is null ? "" : " · " + H(author)).Append("</span><br>").Append(H(text)).Append("</p>");
        }
        b.Append("<h2>Согласия на обработку персональных данных</h2>");
        if (consents.Count == 0) b.Append("<p class=\"hint\">Согласий в реестре нет.</p>");
        else
        {
            b.Append("<table><tr><th>Дано</th><th>Канал</th><th>Текст</th><th>Отозвано</th></tr>");
            foreach (var c in consents)
                b.Append("<tr><td>").Append(H(ExportData.Moscow(c.GivenAt))).Append("</td><td>").Append(H(c.ChannelName ?? c.Source)).Append("</td><td>").Append(H(c.Text))
                    .Append("<div class=\"sha\">SHA-256: ").Append(c.TextSha256).Append("</div></td><td>").Append(c.WithdrawnAt is { } w ? H(ExportData.Moscow(w)) : "нет").Append("</td></tr>");
            b.Append("</table>");
        }
        b.Append("<h2>Обращения</h2><ul>");
        foreach (var c in conversations)
            b.Append("<li><a href=\"#c").Append(c.Id).Append("\">Обращение №").Append(c.Id).Append("</a> — ").Append(H(ExportData.Moscow(c.CreatedAt)))
                .Append(", ").Append(H(ArchiveHtml.Status(c.Status))).Append(", сообщений: ").Append(c.Messages.Count).Append("</li>");
        b.Append("</ul>");
        foreach (var c in conversations) ArchiveHtml.Conversation(b, c, withHashes: false);
        b.Append("<h2>Журнал доступа</h2><p>Кто и когда открывал карточку клиента и его обращения или выгружал их: записей — ").Append(auditRows)
            .Append(", подробно в <a href=\"audit.json\">audit.json</a>.</p>");
        return ArchiveHtml.Page($"Данные клиента №{id}", b.ToString());
    }
}
