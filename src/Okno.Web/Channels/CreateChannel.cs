using Okno.Core.Channels;
using Okno.Core.Data;

namespace Okno.Web.Channels;

/// <summary>Connects a number, bot, mailbox or community: checks the settings against its kind, stores them encrypted, sets it up.</summary>
public sealed class CreateChannel(OknoDbContext db, ChannelDirectory directory, ChannelConnectors connectors, ChannelSetUp setUp,
    TimeProvider clock, ILogger<CreateChannel> log, Audit.AuditTrail audit)
{
    public const int MaxNameLength = 200;

    public async Task<ChannelChange> ExecuteAsync(ChannelRequest request, string publicUrl, CancellationToken ct)
    {
        if (!ChannelKinds.TryParse(request.Kind, out var kind) || !connectors.Supports(kind))
            return ChannelChange.Invalid("kind", $"Неизвестный тип канала. Допустимые: {string.Join(", ", connectors.All.Select(c => c.Descriptor.WireName))}.");
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > MaxNameLength)
            return ChannelChange.Invalid("name", $"Название обязательно (до {MaxNameLength} символов).");
        var (settings, errors) = ChannelSettingsCheck.Run(connectors.For(kind), request.Settings ?? []);
        if (errors.Count > 0) return ChannelChange.Invalid(errors);

        var account = new ChannelAccount(kind, request.Name.Trim(), directory.Protect(settings), clock.GetUtcNow());
        db.ChannelAccounts.Add(account);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(Okno.Core.Audit.AuditActions.ChannelCreated, Okno.Core.Audit.AuditObjects.Channel, account.Id.ToString(), "kind=" + kind, ct);
        await setUp.RunAsync(account, publicUrl, ct);
        log.LogInformation("Channel {ChannelId} of kind {Kind} created", account.Id, kind);
        return ChannelChange.Done(account);
    }
}
