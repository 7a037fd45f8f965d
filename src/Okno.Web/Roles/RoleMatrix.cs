using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Operators;

namespace Okno.Web.Roles;

/// <summary>The permission matrix as the API and /admin/roles show it: the fixed table plus the per-role settings.</summary>
public sealed class RoleMatrix(OknoDbContext db, Auth.RoleSettings settings, Audit.AuditTrail audit)
{
    public sealed record CapabilityRow(string Name, IReadOnlyList<string> Roles);
    public sealed record MatrixDto(IReadOnlyList<string> Roles, IReadOnlyList<CapabilityRow> Capabilities,
        IReadOnlyList<string> EmailsMasked, IReadOnlyList<string> TwoFactorRequired, int OperatorsOwnAndQueue);

    public static readonly IReadOnlyList<UserRole> Order = [UserRole.Admin, UserRole.Supervisor, UserRole.Operator, UserRole.Lawyer, UserRole.Qc];

    public static string Wire(Capability c) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(c.ToString());

    public async Task<MatrixDto> ReadAsync(CancellationToken ct)
    {
        var policies = await db.RolePolicies.AsNoTracking().ToListAsync(ct);
        var narrowed = await db.Users.CountAsync(u => u.IsActive && u.Role == UserRole.Operator && u.OwnAndQueueOnly, ct);
        return new MatrixDto(Order.Select(r => r.ToWireName()).ToList(),
            Enum.GetValues<Capability>().Select(c => new CapabilityRow(Wire(c), Order.Where(r => r.Has(c)).Select(r => r.ToWireName()).ToList())).ToList(),
            Order.Where(r => policies.Any(p => p.Role == r && p.MaskEmails)).Select(r => r.ToWireName()).ToList(),
            Order.Where(r => policies.Any(p => p.Role == r && p.RequireTwoFactor)).Select(r => r.ToWireName()).ToList(),
            narrowed);
    }

    /// <summary>Which roles see clients' e-mail addresses masked; the rest see them whole (phones follow the matrix).</summary>
    public async Task<IReadOnlyList<string>> SetEmailMaskingAsync(IReadOnlyCollection<UserRole> masked, CancellationToken ct)
    {
        var rows = await db.RolePolicies.ToListAsync(ct);
        foreach (var role in Enum.GetValues<UserRole>())
        {
            var row = rows.FirstOrDefault(r => r.Role == role);
            if (row is null) db.RolePolicies.Add(new RolePolicy(role, false, masked.Contains(role)));
            else row.SetEmailMasking(masked.Contains(role));
        }
        await db.SaveChangesAsync(ct);
        settings.Changed();
        var wire = Order.Where(masked.Contains).Select(r => r.ToWireName()).ToList();
        await audit.RecordAsync(Okno.Core.Audit.AuditActions.EmailMasking, Okno.Core.Audit.AuditObjects.Policy, null, "masked=" + string.Join(',', wire), ct);
        return wire;
    }
}
