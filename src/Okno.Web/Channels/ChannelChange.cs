using Okno.Core.Channels;

namespace Okno.Web.Channels;

/// <summary>What a channel command did: the account, or the problems (field → messages naming it), or not found.</summary>
public sealed record ChannelChange(ChannelAccount? Account, IReadOnlyDictionary<string, string[]> Errors)
{
    public static ChannelChange Done(ChannelAccount account) => new(account, new Dictionary<string, string[]>());

    public static ChannelChange Invalid(string field, string message) => new(null, new Dictionary<string, string[]> { [field] = [message] });

    public static ChannelChange Invalid(IReadOnlyDictionary<string, string> errors) =>
        new(null, errors.ToDictionary(e => "settings." + e.Key, e => new[] { e.Value }));

    public static readonly ChannelChange NotFound = new(null, new Dictionary<string, string[]>());

    public bool IsNotFound => Account is null && Errors.Count == 0;
}
