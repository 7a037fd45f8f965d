using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Okno.Core.Search;
using Okno.Web.Auth;

namespace Okno.Web.Search;

public static class SearchEndpoints
{
    public sealed record SearchPage(IReadOnlyList<SearchHit> Items, string? NextCursor);

    public static void AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<MessageSearch>();
        builder.Services.AddScoped<MessageHitViews>();
    }

    public static void MapSearch(this WebApplication app) =>
        app.MapGet("/api/v1/search", SearchAsync).WithTags("Search").RequireAuthorization()
            .WithSummary("Full-text search over message texts and file names (Russian word forms, \"phrases\", prefix*).");

    private static async Task<Results<Ok<SearchPage>, ValidationProblem>> SearchAsync(string? q, Guid? channelId, long? assigneeId,
        DateTimeOffset? from, DateTimeOffset? to, string? cursor, int? limit, HttpContext ctx, MessageSearch search)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(q)) errors["q"] = ["Укажите, что искать."];
        else if (q.Length > SearchQuery.MaxLength) errors["q"] = [$"Не длиннее {SearchQuery.MaxLength} символов."];
        long? before = null;
        if (cursor is not null)
        {
            if (long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c > 0) before = c;
            else errors["cursor"] = ["Неверный курсор."];
        }
        if (from is { } f && to is { } t && f >= t) errors["to"] = ["Конец периода раньше начала."];
        if (limit is < 1 or > MessageSearch.MaxPageSize) errors["limit"] = [$"От 1 до {MessageSearch.MaxPageSize}."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var (items, next) = await search.FindAsync(q!, new SearchFilters(channelId, assigneeId, from, to, before), CurrentUser.From(ctx.User), limit ?? MessageSearch.PageSize, ctx.RequestAborted);
        return TypedResults.Ok(new SearchPage(items, next?.ToString(CultureInfo.InvariantCulture)));
    }
}
