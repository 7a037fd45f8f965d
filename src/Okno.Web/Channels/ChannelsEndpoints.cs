using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Channels;
using Okno.Core.Data;
using Okno.Web.Auth;
using Okno.Web.Hosting;

namespace Okno.Web.Channels;

public static class ChannelsEndpoints
{
    public sealed record Deps(OknoDbContext Db, ChannelDirectory Directory, ChannelConnectors Connectors, ChannelPollingService Polling,
        OknoOptions Options, TimeProvider Clock, ILogger<ChannelDto> Log);

    public static void MapChannels(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/channels").WithTags("Channels").RequireAuthorization();
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(AuthSetup.AdminPolicy);
        group.MapPatch("/{id:guid}", UpdateAsync).RequireAuthorization(AuthSetup.AdminPolicy);
        group.MapDelete("/{id:guid}", DeleteAsync).RequireAuthorization(AuthSetup.AdminPolicy);
    }

    private static string PublicUrl(HttpContext ctx, OknoOptions options) =>
        options.PublicUrl ?? $"{ctx.Request.Scheme}://{ctx.Request.Host}";

    private static ChannelDto Dto(ChannelAccount a, Deps d, HttpContext ctx) =>
        ChannelDto.From(a, d.Directory.Unprotect(a.ProtectedSettings), d.Connectors.For(a.Kind), PublicUrl(ctx, d.Options));

    /// <summary>Settings (API addresses, ids, secret tails) are for administrators; other staff get a slim list.</summary>
    private static bool SeesSettings(HttpContext ctx) => ctx.User.IsInRole(nameof(Core.Operators.UserRole.Admin));

    private static async Task<Results<Ok<List<ChannelDto>>, Ok<List<ChannelSummaryDto>>>> ListAsync([AsParameters] Deps d, HttpContext ctx)
    {
        var accounts = (await d.Db.ChannelAccounts.AsNoTracking().Where(a => !a.IsDeleted).OrderBy(a => a.CreatedAt).ToListAsync())
            .Where(a => d.Connectors.Supports(a.Kind)).ToList();
        if (!SeesSettings(ctx)) return TypedResults.Ok(accounts.Select(ChannelSummaryDto.From).ToList());
        return TypedResults.Ok(accounts.Select(a => Dto(a, d, ctx)).ToList());
    }

    private static async Task<Results<Ok<ChannelDto>, Ok<ChannelSummaryDto>, NotFound>> GetAsync(Guid id, [AsParameters] Deps d, HttpContext ctx)
    {
        var a = await d.Db.ChannelAccounts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && !x.IsDeleted);
        if (a is null) return TypedResults.NotFound();
        return SeesSettings(ctx) ? TypedResults.Ok(Dto(a, d, ctx)) : TypedResults.Ok(ChannelSummaryDto.From(a));
    }

    private static async Task<Results<Created<ChannelDto>, ValidationProblem>> CreateAsync(ChannelRequest request, [AsParameters] Deps d, HttpContext ctx)
    {
        if (!ChannelKinds.TryParse(request.Kind, out var kind) || !d.Connectors.Supports(kind))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = [$"Неизвестный тип канала. Допустимые: {string.Join(", ", d.Connectors.All.Select(c => c.Kind.ToWireName()))}."] });
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["Название обязательно (до 200 символов)."] });
        var settings = request.Settings ?? [];
        var connector = d.Connectors.For(kind);
        var errors = connector.ValidateSettings(settings);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors.ToDictionary(e => "settings." + e.Key, e => new[] { e.Value }));

        var account = new ChannelAccount(kind, request.Name.Trim(), d.Directory.Protect(settings), d.Clock.GetUtcNow());
        d.Db.ChannelAccounts.Add(account);
        await d.Db.SaveChangesAsync();
        await SetUpAsync(account, d, ctx);
        d.Log.LogInformation("Channel {ChannelId} of kind {Kind} created", account.Id, kind);
        return TypedResults.Created($"/api/v1/channels/{account.Id}", Dto(account, d, ctx));
    }

    private static async Task<Results<Ok<ChannelDto>, NotFound, ValidationProblem>> UpdateAsync(Guid id, ChannelRequest request, [AsParameters] Deps d, HttpContext ctx)
    {
        var account = await d.Db.ChannelAccounts.FirstOrDefaultAsync(x => x.Id == id && !x.IsDeleted);
        if (account is null) return TypedResults.NotFound();
        if (request.Name is { } name)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["Название обязательно (до 200 символов)."] });
            account.Rename(name.Trim());
        }
        if (request.Settings is { } changes)
        {
            // A partial update: unchanged secrets come back masked and are kept as they were.
            var merged = d.Directory.Unprotect(account.ProtectedSettings);
            foreach (var (key, value) in changes)
                if (!(value is JsonValue v && v.TryGetValue<string>(out var s) && s.StartsWith("••••", StringComparison.Ordinal)))
                    merged[key] = value?.DeepClone();
            var errors = d.Connectors.For(account.Kind).ValidateSettings(merged);
            if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToDictionary(e => "settings." + e.Key, e => new[] { e.Value }));
            account.ReplaceSettings(d.Directory.Protect(merged));
        }
        await d.Db.SaveChangesAsync();
        d.Directory.Invalidate(id);
        if (request.Settings is not null) await SetUpAsync(account, d, ctx);
        return TypedResults.Ok(Dto(account, d, ctx));
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid id, [AsParameters] Deps d)
    {
        var account = await d.Db.ChannelAccounts.FirstOrDefaultAsync(x => x.Id == id && !x.IsDeleted);
        if (account is null) return TypedResults.NotFound();
        // The settings are read from the row itself: after the delete the directory no longer finds the channel,
        // and teardown must not depend on whether it happened to be cached.
        var context = d.Directory.ToEntry(account).Context;
        account.Delete(); // soft: its messages and the history stay
        await d.Db.SaveChangesAsync();
        d.Directory.Invalidate(id);
        d.Polling.Refresh();
        try { await d.Connectors.For(account.Kind).TearDownAsync(context, CancellationToken.None); }
        catch (HttpRequestException) { /* the platform is unreachable: the channel is gone on our side anyway */ }
        return TypedResults.NoContent();
    }

    /// <summary>Registers the webhook with the platform; a failure is recorded as the channel's status, not an error.</summary>
    private static async Task SetUpAsync(ChannelAccount account, Deps d, HttpContext ctx)
    {
        var entry = d.Directory.ToEntry(account);
        var result = await d.Connectors.For(account.Kind).SetUpAsync(entry.Context, $"{PublicUrl(ctx, d.Options).TrimEnd('/')}/webhooks/{account.Id}", ctx.RequestAborted);
        account.SetStatus(result.Success ? ChannelStatus.Connected : ChannelStatus.NeedsAttention, result.Error, d.Clock.GetUtcNow());
        await d.Db.SaveChangesAsync();
        d.Directory.Invalidate(account.Id);
        d.Polling.Refresh();
    }
}
