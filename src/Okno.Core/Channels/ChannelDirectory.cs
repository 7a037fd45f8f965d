using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okno.Core.Data;
using Okno.Core.Messages;

namespace Okno.Core.Channels;

/// <summary>
/// Channel accounts by id, with their settings decrypted, cached for the hot webhook path.
/// A cache only: every entry can be rebuilt from the database; changes invalidate it.
/// </summary>
public sealed class ChannelDirectory(IServiceScopeFactory scopes, IDataProtectionProvider protection)
{
    private readonly ConcurrentDictionary<Guid, Entry?> _cache = new();
    private readonly IDataProtector _protector = protection.CreateProtector("Okno.ChannelSettings.v1");

    public sealed record Entry(ChannelAccountRef Ref, ChannelContext Context);

    public async Task<Entry?> FindAsync(Guid id, CancellationToken ct)
    {
        if (_cache.TryGetValue(id, out var cached)) return cached;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
        var account = await db.ChannelAccounts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && !c.IsDeleted, ct);
        var entry = account is null ? null : ToEntry(account);
        if (entry is not null) _cache[id] = entry; // misses are not cached: a channel may be created a moment later
        return entry;
    }

    public Entry ToEntry(ChannelAccount account) => new(
        new ChannelAccountRef(account.Id, account.Kind, account.IsDemo),
        new ChannelContext(account.Id, account.Kind, account.Name, Unprotect(account.ProtectedSettings)));

    public void Invalidate(Guid id) => _cache.TryRemove(id, out _);

    public string Protect(JsonObject settings) => _protector.Protect(settings.ToJsonString());

    public JsonObject Unprotect(string protectedSettings) =>
        JsonNode.Parse(_protector.Unprotect(protectedSettings)) as JsonObject ?? [];
}
