using Microsoft.EntityFrameworkCore;
using Okno.Core.Data;
using Okno.Core.Scripts;

namespace Okno.Web.Scripts;

/// <summary>Adds a script or changes one (the entity guards title and text); null when the script to change is gone.</summary>
public sealed class SaveScript(OknoDbContext db, TimeProvider clock)
{
    public async Task<ScriptDto?> ExecuteAsync(long? id, ScriptBody body, CancellationToken ct)
    {
        Script script;
        if (id is { } existing)
        {
            if (await db.Scripts.FirstOrDefaultAsync(s => s.Id == existing, ct) is not { } found) return null;
            script = found;
            script.Update(body.Title, body.Text);
        }
        else
        {
            script = new Script(body.Title ?? "", body.Text ?? "", clock.GetUtcNow());
            db.Scripts.Add(script);
        }
        await db.SaveChangesAsync(ct);
        return new ScriptDto(script.Id, script.Title, script.Text, script.CreatedAt);
    }
}
