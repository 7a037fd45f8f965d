using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Core.Contacts;
using Okno.Core.Data;
using Okno.Tests.Channels;
using Okno.Tests.Channels.WebChat;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Privacy;

/// <summary>A site-chat client who filled the pre-chat form (name, phone, e-mail, consent) and wrote in two requests.</summary>
public sealed record DsrClient(long ContactId, long FirstId, long SecondId, string Name, string Phone, string PhoneDigits, string Email,
    string Tag, byte[] File, string FileName, string Token, WebChatTestKit Kit);

/// <summary>Okno whose outgoing webhooks may target loopback: the erase test records deliveries about the client.</summary>
public sealed class SqliteDsrApp : OknoApp
{
    public SqliteDsrApp() => Settings["Okno:Webhooks:AllowPrivateNetworks"] = "true";
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresDsrApp : OknoApp
{
    public PostgresDsrApp() => Settings["Okno:Webhooks:AllowPrivateNetworks"] = "true";
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>What the data-subject request tests share (issue 15.4 and 15.6).</summary>
public static class DataSubjectKit
{
    private const string Letters = "абвгдежзиклмнопрстуфхцчшэюя";

    /// <summary>A surname nobody else in the database has, so a scan for it finds only this client.</summary>
    public static string Surname() => "Ж" + new string(Enumerable.Range(0, 9).Select(_ => Letters[Random.Shared.Next(Letters.Length)]).ToArray());

    public static async Task<DsrClient> ClientAsync(OknoApp app)
    {
        var kit = await WebChatTestKit.CreateAsync(app, s => s["preChatForm"] = true);
        var digits = "7916" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var phone = $"+7 916 {digits[4..7]}-{digits[7..9]}-{digits[9..]}";
        var name = "Зинаида " + Surname();
        var email = $"z{digits}@client.example";
        var tag = "дсз" + Guid.NewGuid().ToString("N")[..10];
        var session = await kit.SessionAsync(new JsonObject { ["name"] = name, ["phone"] = phone, ["email"] = email, ["consent"] = true });
        var token = session["token"]!.GetValue<string>();
        // The landing page's query carries the phone (a form's GET), the UTM tags say nothing about the person.
        var source = new JsonObject
        {
            ["url"] = $"https://firm.example/razvod?phone={digits}", ["referrer"] = $"https://search.example/?q={digits}",
            ["utmSource"] = "yandex", ["utmMedium"] = "cpc", ["utmCampaign"] = "dsr",
        };
        (await kit.PostMessageAsync(token, $"Добрый день, это {name}, мой телефон {phone}. Вопрос по договору {tag}", source: source)).EnsureSuccessStatusCode();
        var first = await OknoApp.EventuallyAsync(() => kit.FindConversationAsync(tag), what: "the client's conversation");
        var firstId = first["id"]!.GetValue<long>();
        var contactId = first["contactId"]!.GetValue<long>();

        var fileName = $"договор-{tag}.pdf";
        var file = Encoding.UTF8.GetBytes($"%PDF-1.4\n% договор {tag} {name} {phone}\n" + Guid.NewGuid());
        using (var form = new MultipartFormDataContent { { new StringContent(Guid.NewGuid().ToString("N")), "id" }, { new ByteArrayContent(file), "file", fileName } })
            (await kit.SendAsync(HttpMethod.Post, "/upload", form, token)).EnsureSuccessStatusCode();
        await OknoApp.EventuallyAsync(async () => (await kit.MessagesAsync(firstId)).Any(m => m!["attachments"]!.AsArray().Any(a => a!["url"] is not null)),
            what: "the upload to be stored");
        await ConversationLookup.ReplyAsync(app, firstId, $"Здравствуйте, {name}! Перезвоним по номеру {phone}.");
        using (var admin = app.Api())
        {
            (await admin.PostAsJsonAsync($"/api/v1/conversations/{firstId}/notes", new { text = $"Клиентка {name}, тел. {phone}" })).EnsureSuccessStatusCode();
            (await admin.PostAsync($"/api/v1/conversations/{firstId}/resolve", null)).EnsureSuccessStatusCode();
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
            db.ContactNotes.Add(new ContactNote(contactId, $"Звонить {name} после 18:00 на {phone}", null, DateTimeOffset.UtcNow));
            db.ContactLabels.Add(new ContactLabel(contactId, "банкротство", DateTimeOffset.UtcNow));
            var admin = await db.Users.Where(u => u.Email == OknoApp.AdminEmail).Select(u => u.Id).SingleAsync();
            db.Reviews.Add(new Okno.Core.Reviews.ConversationReview(firstId, null, admin, new Dictionary<string, int> { ["вежливость"] = 5 },
                $"Хорошо ответили {name}", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var tag2 = "второй" + tag;
        (await kit.PostMessageAsync(token, $"Ещё вопрос {tag2}, пишите на {email}")).EnsureSuccessStatusCode();
        var second = await OknoApp.EventuallyAsync(() => kit.FindConversationAsync(tag2), what: "the client's second conversation");
        return new DsrClient(contactId, firstId, second["id"]!.GetValue<long>(), name, phone, digits, email, tag, file, fileName, token, kit);
    }

    public static async Task<Dictionary<string, byte[]>> UnzipAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var e in zip.Entries)
        {
            await using var s = e.Open();
            using var copy = new MemoryStream();
            await s.CopyToAsync(copy);
            files[e.FullName] = copy.ToArray();
        }
        return files;
    }

    public static byte[] Zip(Dictionary<string, byte[]> files)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (path, bytes) in files)
            {
                using var s = zip.CreateEntry(path).Open();
                s.Write(bytes);
            }
        return output.ToArray();
    }

    /// <summary>
    /// Every column of every table (cast to text: names, JSON, tsvector, FTS shadow tables alike) that contains
    /// <paramref name="needle"/>, as "table.column" — read straight from the database file or server.
    /// </summary>
    public static async Task<List<string>> ScanAsync(OknoApp app, string needle)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
        var sqlite = db.Database.IsSqlite();
        var columns = sqlite
            ? await db.Database.SqlQueryRaw<TableColumn>("""SELECT m.name AS "Table", p.name AS "Column" FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'""").ToListAsync()
            : await db.Database.SqlQueryRaw<TableColumn>("""SELECT table_name::text AS "Table", column_name::text AS "Column" FROM information_schema.columns WHERE table_schema = 'public'""").ToListAsync();
        Assert.True(columns.Count > 100, "the scan reads the schema");
        var found = new List<string>();
        foreach (var c in columns)
        {
            var sql = sqlite
                ? $"""SELECT COUNT(*) AS "Value" FROM "{c.Table}" WHERE CAST("{c.Column}" AS TEXT) LIKE '%' || @p0 || '%'"""
                : $"""SELECT COUNT(*)::int AS "Value" FROM "{c.Table}" WHERE "{c.Column}"::text LIKE '%' || @p0 || '%'""";
            var parameter = sqlite ? (object)new Microsoft.Data.Sqlite.SqliteParameter("@p0", needle) : new Npgsql.NpgsqlParameter("p0", needle);
            var count = await db.Database.SqlQueryRaw<int>(sql, parameter).SingleAsync();
            if (count > 0) found.Add($"{c.Table}.{c.Column}");
        }
        return found;
    }

    private sealed record TableColumn(string Table, string Column);

    /// <summary>What the reports hold of each conversation (issue 13's RequestMetrics), without the computation's bookkeeping.</summary>
    public static async Task<List<string>> ReportRowsAsync(OknoApp app, IReadOnlyList<long> conversationIds, DateTimeOffset? computedAfter = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
        var rows = await db.RequestMetrics.AsNoTracking().Where(m => conversationIds.Contains(m.ConversationId)).OrderBy(m => m.ConversationId).ToListAsync();
        if (rows.Count != conversationIds.Count || (computedAfter is { } after && rows.Any(r => r.ComputedAt < after))) return [];
        return rows.Select(m => string.Join('|', m.ConversationId, m.Source, m.Status, m.ChannelKind, m.MessagesIn, m.MessagesOut, m.Responses,
            m.FirstResponseSeconds, m.ResolutionSeconds, m.IsTarget, m.HandOffs, m.UtmSource, m.UtmMedium, m.UtmCampaign, m.CreatedAt.ToUnixTimeMilliseconds())).ToList();
    }
}
