using Okno.Web.Auth;

namespace Okno.Web.Audit;

/// <summary>
/// Who is acting in this DI scope, for the audit: the HTTP request's user and client IP, or — in the web app,
/// where each piece of work gets its own scope — the circuit's user, set by <see cref="Ui.UiData"/>.
/// </summary>
public sealed class AuditActor(IHttpContextAccessor http)
{
    private long? _userId;
    private string? _ip;

    public void Set(long userId, string? ip)
    {
        _userId = userId;
        _ip = ip;
    }

    public long? UserId => _userId ?? (http.HttpContext?.User is { Identity.IsAuthenticated: true } p ? CurrentUser.From(p).Id : null);

    public string? Ip => _ip ?? http.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
