using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Audit;
using Okno.Core.Data;

namespace Okno.Web.Audit;

/// <summary>The audit as the API, the CSV export and the admin screens read it: newest first.</summary>
public sealed class AuditQueries(OknoDbContext db)
{
    public const int PageSize = 100;
    public const int CsvLimit = 100_000;

    public async Task<AuditEndpoints.AuditPage> PageAsync(AuditFilter filter, CancellationToken ct)
    {
        var limit = Math.Clamp(filter.Limit ?? PageSize, 1, 1000);
        var rows = await filter.Apply(db.AuditEntries.AsNoTracking()).OrderByDescending(e => e.Id).Take(limit + 1).ToListAsync(ct);
        var items = rows.Take(limit).Select(Item).ToList();
        return new AuditEndpoints.AuditPage(items, rows.Count > limit ? AuditChain.Id(items[^1].Id) : null);
    }

    /// <summary>Names of the users in these entries, for the screens.</summary>
    public Task<Dictionary<long, string>> NamesAsync(IEnumerable<long?> ids, CancellationToken ct)
    {
        var list = ids.Where(i => i is not null).Select(i => i!.Value).Distinct().ToList();
        return db.Users.AsNoTracking().Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    public async Task<(byte[] Csv, int Rows)> CsvAsync(AuditFilter filter, CancellationToken ct)
    {
        var rows = await filter.Apply(db.AuditEntries.AsNoTracking()).OrderByDescending(e => e.Id).Take(CsvLimit).ToListAsync(ct);
        var names = await NamesAsync(rows.Select(r => r.UserId), ct);
        var sb = new StringBuilder("id,at,userId,user,action,objectType,objectId,ip,detail,hash\r\n");
        foreach (var e in rows)
        {
            sb.Append(AuditChain.Id(e.Id)).Append(',').Append(e.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture)).Append(',')
                .Append(e.UserId?.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Field(e.UserId is { } u ? names.GetValueOrDefault(u) : null)).Append(',')
                .Append(Field(e.Action)).Append(',').Append(Field(e.ObjectType)).Append(',').Append(Field(e.ObjectId)).Append(',')
                .Append(Field(e.Ip)).Append(',').Append(Field(e.Detail)).Append(',').Append(e.Hash).Append("\r\n");
        }
        return ([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())], rows.Count);
    }

    /// <summary>RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet does not run it as a formula.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (Exports.CsvText.StartsLikeFormula(value)) value = "'" + value;
        return Exports.CsvText.Quote(value, ',');
    }

    public static AuditEndpoints.AuditItem Item(AuditEntry e) => new(e.Id, e.At, e.UserId, e.Action, e.ObjectType, e.ObjectId, e.Ip, e.Hash, e.Detail);
}
