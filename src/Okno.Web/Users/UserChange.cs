using Okno.Core.Operators;

namespace Okno.Web.Users;

/// <summary>What a user command did: the user, or field problems, or a conflict with a rule (said in plain words).</summary>
public sealed record UserChange(User? User, IReadOnlyDictionary<string, string[]> Errors, string? Conflict = null)
{
    public static UserChange Done(User user) => new(user, new Dictionary<string, string[]>());

    public static UserChange Invalid(string field, string message) => new(null, new Dictionary<string, string[]> { [field] = [message] });

    public static UserChange Refused(string why) => new(null, new Dictionary<string, string[]>(), why);

    public static readonly UserChange NotFound = new(null, new Dictionary<string, string[]>());

    public bool IsNotFound => User is null && Errors.Count == 0 && Conflict is null;
}
