using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Channels;
using Okno.Core.Data;

namespace Okno.Web.Channels;

/// <summary>Renames a channel and/or changes some of its settings (unchanged secrets come back masked and are kept).</summary>
public sealed class UpdateChannel(OknoDbContext db, ChannelDirectory directory, ChannelConnectors connectors, ChannelSetUp setUp, Audit.AuditTrail audit)
{
    public const string MaskPrefix = "••••";

    public async Task<ChannelChange> ExecuteAsync(Guid id, ChannelRequest request, string publicUrl, CancellationToken ct)
    {
        var account = await db.ChannelAccounts.FirstOrDefaultAsync(x => x.Id == id && !x.IsDeleted, ct);
        if (account is null) return ChannelChange.NotFound;
        if (request.Name is { } name)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length > CreateChannel.MaxNameLength)
                return ChannelChange.Invalid("name", $"Название обязательно (до {CreateChannel.MaxNameLength} символов).");
            account.Rename(name.Trim());
        }
        if (request.Settings is { } changes)
        {
            var merged = directory.Unprotect(account.ProtectedSettings);
            foreach (var (key, value) in changes)
                if (!(value is JsonValue v && v.TryGetValue<string>(out var s) && s.StartsWith(MaskPrefix, StringComparison.Ordinal)))
                    merged[key] = value?.DeepClone();
            var (settings, errors) = ChannelSettingsCheck.Run(connectors.For(account.Kind), merged);
            if (errors.Count > 0) return ChannelChange.Invalid(errors);
            account.ReplaceSettings(directory.Protect(settings));
        }
        await db.SaveChangesAsync(ct);
        directory.Invalidate(id);
        // Which settings changed, never their values (tokens and passwords live there).
        var what = new[] { request.Name is not null ? "name" : null }.Concat(request.Settings?.Select(kv => kv.Key) ?? []).Where(x => x is not null);
        await audit.RecordAsync(Okno.Core.Audit.AuditActions.ChannelChanged, Okno.Core.Audit.AuditObjects.Channel, id.ToString(), Truncate(string.Join(",", what)), ct);
        if (request.Settings is not null) await setUp.RunAsync(account, publicUrl, ct);
        return ChannelChange.Done(account);
    }

    private static string Truncate(string s) => s.Length > 400 ? s[..400] : s;
}
