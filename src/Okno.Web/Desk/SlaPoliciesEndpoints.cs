using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Desk;
using Okno.Web.Auth;
using Okno.Web.Conversations;

namespace Okno.Web.Desk;

public sealed record SlaPolicyDto(long Id, string Name, string? FirstResponse, string? NextResponse, string? Resolution, bool BusinessHoursOnly,
    long? TeamId, List<Guid> ChannelIds, List<string> Labels, string Escalation = "notify")
{
    public static SlaPolicyDto From(SlaPolicy p) => new(p.Id, p.Name, IsoDuration.Format(p.FirstResponseSeconds), IsoDuration.Format(p.NextResponseSeconds),
        IsoDuration.Format(p.ResolutionSeconds), p.BusinessHoursOnly, p.TeamId,
        JsonSerializer.Deserialize<List<Guid>>(p.ChannelIdsJson) ?? [], JsonSerializer.Deserialize<List<string>>(p.LabelsJson) ?? [], DeskNames.Wire(p.Escalation));
}

/// <summary>/api/v1/sla-policies: response and resolution targets (ISO 8601 durations) per team / channel / label.</summary>
public static class SlaPoliciesEndpoints
{
    public static void MapSlaPolicies(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sla-policies").WithTags("SLA");
        group.MapGet("/", async (OknoDbContext db) => TypedResults.Ok(new ItemsOf<SlaPolicyDto>((await db.SlaPolicies.AsNoTracking().OrderBy(p => p.Id).ToListAsync()).Select(SlaPolicyDto.From).ToList())));
        group.MapGet("/{id:long}", async Task<Results<Ok<SlaPolicyDto>, NotFound>> (long id, OknoDbContext db) =>
            await db.SlaPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id) is { } p ? TypedResults.Ok(SlaPolicyDto.From(p)) : TypedResults.NotFound());
        group.MapPost("/", async (JsonObject? body, SaveSlaPolicy save, CancellationToken ct) =>
            (await save.CreateAsync(body, ct)).Created(p => $"/api/v1/sla-policies/{p.Id}")).RequireAuthorization(AuthSetup.ManagerPolicy);
        group.MapPatch("/{id:long}", async (long id, JsonObject? body, SaveSlaPolicy save, CancellationToken ct) =>
            (await save.UpdateAsync(id, body, ct)).Updated()).RequireAuthorization(AuthSetup.ManagerPolicy);
        group.MapDelete("/{id:long}", async Task<Results<NoContent, NotFound>> (long id, SaveSlaPolicy save, CancellationToken ct) =>
            await save.DeleteAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound()).RequireAuthorization(AuthSetup.ManagerPolicy);
    }

    internal static async Task ApplyAsync(JsonInput input, SlaPolicy p, OknoDbContext db, bool create)
    {
        if (input.String("name", 100, required: create || input.Has("name")) is { } name) p.Name = name;
        if (input.Has("firstResponse")) p.FirstResponseSeconds = input.Duration("firstResponse");
        if (input.Has("nextResponse")) p.NextResponseSeconds = input.Duration("nextResponse");
        if (input.Has("resolution")) p.ResolutionSeconds = input.Duration("resolution");
        if (input.Bool("businessHoursOnly") is { } only) p.BusinessHoursOnly = only;
        if (input.Has("teamId"))
        {
            var team = input.Long("teamId");
            if (team is { } t && !await db.Teams.AnyAsync(x => x.Id == t)) input.Error("teamId", $"Нет отдела с id {t}.");
            else p.TeamId = team;
        }
        if (input.Guids("channelIds") is { } channels) p.ChannelIdsJson = JsonSerializer.Serialize(channels.Distinct().ToList());
        if (input.Has("escalation"))
        {
            if (DeskNames.TryParse<SlaEscalation>(input.String("escalation", 16), out var escalation)) p.Escalation = escalation;
            else input.Error("escalation", "Одно из: " + DeskNames.List<SlaEscalation>() + ".");
        }
        if (input.Strings("labels", 50) is { } labels) p.LabelsJson = JsonSerializer.Serialize(labels.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        if (input.Ok && p.FirstResponseSeconds is null && p.NextResponseSeconds is null && p.ResolutionSeconds is null)
            input.Error("firstResponse", "Задайте хотя бы один срок: firstResponse, nextResponse или resolution.");
    }
}
