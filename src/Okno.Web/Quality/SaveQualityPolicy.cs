using Microsoft.EntityFrameworkCore;
using Okno.Core;
using Okno.Core.Audit;
using Okno.Core.Data;
using Okno.Core.Desk;
using Okno.Core.Quality;
using Okno.Web.Audit;

namespace Okno.Web.Quality;

/// <summary>The one way the policy changes: the REST endpoint and the admin screen both call it. Audited.</summary>
public sealed class SaveQualityPolicy(OknoDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <returns>The saved policy, or the field errors (nothing is saved then).</returns>
    public async Task<(QualityPolicyDto? Saved, Dictionary<string, string[]>? Errors)> ExecuteAsync(QualityPolicyBody body, long? byUserId, CancellationToken ct)
    {
        TimeSpan? max = null;
        if (body.MaxFirstResponse is { Length: > 0 } text)
        {
            if (!IsoDuration.TryParse(text, out var parsed) || parsed <= TimeSpan.Zero)
                return (null, new() { ["maxFirstResponse"] = ["Длительность в формате ISO 8601, например PT15M."] });
            max = parsed;
        }
        var policy = await db.QualityPolicies.FirstOrDefaultAsync(p => p.Id == QualityPolicy.SingletonId, ct);
        var isNew = policy is null;
        policy ??= QualityPolicy.Default();
        try
        {
            policy.Change(body.GreetingRequired ?? false, body.RequiredPhrases ?? [], body.ForbiddenPhrases ?? [], body.ForbidPhoneNumbers ?? false,
                body.Block ?? false, max, byUserId, clock.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return (null, new() { ["phrases"] = [ex.Message] });
        }
        if (isNew) db.QualityPolicies.Add(policy);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.QualityPolicyChanged, AuditObjects.Policy, "quality",
            $"greeting={policy.GreetingRequired}; required={policy.RequiredPhrases.Count}; forbidden={policy.ForbiddenPhrases.Count}; block={policy.Block}", ct);
        return (QualityPolicyDto.From(policy), null);
    }
}
