using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Desk;
using Okno.Web.Auth;
using Okno.Web.Conversations;

namespace Okno.Web.Desk;

public sealed record BusinessHoursDto(long Id, string Name, string TimeZone, Dictionary<string, List<List<string>>> Week, List<string> DaysOff, List<string> WorkingDays)
{
    public static BusinessHoursDto From(BusinessHours h) => new(h.Id, h.Name, h.TimeZone,
        JsonSerializer.Deserialize<Dictionary<string, List<List<string>>>>(h.WeekJson) ?? [],
        JsonSerializer.Deserialize<List<string>>(h.DaysOffJson) ?? [], JsonSerializer.Deserialize<List<string>>(h.WorkingDaysJson) ?? []);
}

/// <summary>/api/v1/business-hours: weekly intervals in a time zone, dates off, extra working dates. PUT replaces all.</summary>
public static class BusinessHoursEndpoints
{
    public static void MapBusinessHours(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/business-hours").WithTags("Business hours");
        group.MapGet("/", async (OknoDbContext db) => TypedResults.Ok(new ItemsOf<BusinessHoursDto>((await db.BusinessHours.AsNoTracking().OrderBy(h => h.Id).ToListAsync()).Select(BusinessHoursDto.From).ToList())));
        group.MapGet("/{id:long}", async Task<Results<Ok<BusinessHoursDto>, NotFound>> (long id, OknoDbContext db) =>
            await db.BusinessHours.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id) is { } h ? TypedResults.Ok(BusinessHoursDto.From(h)) : TypedResults.NotFound());
        group.MapPost("/", async (JsonObject? body, SaveBusinessHours save, CancellationToken ct) =>
            (await save.CreateAsync(body, ct)).Created(h => $"/api/v1/business-hours/{h.Id}")).RequireAuthorization(AuthSetup.ManagerPolicy);
        group.MapPut("/{id:long}", async (long id, JsonObject? body, SaveBusinessHours save, CancellationToken ct) =>
            (await save.ReplaceAsync(id, body, ct)).Updated()).RequireAuthorization(AuthSetup.ManagerPolicy);
        group.MapDelete("/{id:long}", async Task<Results<NoContent, NotFound>> (long id, SaveBusinessHours save, CancellationToken ct) =>
            await save.DeleteAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound()).RequireAuthorization(AuthSetup.ManagerPolicy);
    }

    internal static void Apply(JsonInput input, JsonObject? body, BusinessHours hours)
    {
        if (input.String("name", 100, required: true) is { } name) hours.Name = name;
        var zone = input.String("timeZone", 64) ?? Okno.Core.Conversations.BusinessTime.DefaultZone;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)) input.Error("timeZone", "Неизвестный часовой пояс (IANA, например Europe/Moscow).");
        else hours.TimeZone = zone;
        if (Week(input, body?["week"]) is { } week) hours.WeekJson = JsonSerializer.Serialize(week);
        if (Dates(input, "daysOff") is { } off) hours.DaysOffJson = JsonSerializer.Serialize(off);
        if (Dates(input, "workingDays") is { } working) hours.WorkingDaysJson = JsonSerializer.Serialize(working);
    }

    private static Dictionary<string, List<List<string>>>? Week(JsonInput input, JsonNode? node)
    {
        const string hint = "Неделя: { \"mon\": [[\"09:00\",\"18:00\"]], … } — дни mon…sun, интервалы ЧЧ:ММ, начало раньше конца, без пересечений.";
        if (node is not JsonObject week) { input.Error("week", hint); return null; }
        var result = new Dictionary<string, List<List<string>>>();
        foreach (var (key, value) in week)
        {
            if (!BusinessCalendar.DayKeys.Contains(key) || value is not JsonArray intervals) { input.Error("week", hint); return null; }
            var list = new List<(TimeSpan From, TimeSpan To, string A, string B)>();
            foreach (var interval in intervals)
            {
                if (interval is not JsonArray { Count: 2 } pair || pair[0]?.GetValueKind() != JsonValueKind.String || pair[1]?.GetValueKind() != JsonValueKind.String
                    || !TryTime(pair[0]!.GetValue<string>(), out var from) || !TryTime(pair[1]!.GetValue<string>(), out var to) || from >= to)
                { input.Error("week", hint); return null; }
                list.Add((from, to, pair[0]!.GetValue<string>(), pair[1]!.GetValue<string>()));
            }
            list.Sort((x, y) => x.From.CompareTo(y.From));
            for (var i = 1; i < list.Count; i++)
                if (list[i].From < list[i - 1].To) { input.Error("week", hint); return null; }
            result[key] = list.Select(x => new List<string> { x.A, x.B }).ToList();
        }
        if (!result.Values.Any(v => v.Count > 0)) { input.Error("week", "Нужен хотя бы один рабочий интервал."); return null; }
        return result;
    }

    private static bool TryTime(string s, out TimeSpan time)
    {
        time = default;
        if (s == "24:00") { time = TimeSpan.FromDays(1); return true; }
        return s.Length == 5 && TimeSpan.TryParseExact(s, @"hh\:mm", CultureInfo.InvariantCulture, out time);
    }

    private static List<string>? Dates(JsonInput input, string name) =>
        input.Array(name, 1000, n => DateOnly.TryParseExact(n.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            "Ожидается массив дат ГГГГ-ММ-ДД.")?.Select(x => x!).Distinct().Order().ToList();
}
