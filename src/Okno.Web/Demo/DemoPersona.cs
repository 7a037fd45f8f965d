using Okno.Core.Channels;

namespace Okno.Web.Demo;

/// <summary>A simulated client: who they are, where they write from, and what their matter is about.</summary>
public sealed record DemoPersona(string FirstName, string? LastName, ChannelKind Kind, long UserId, DemoTopic Topic, string? Phone = null)
{
    public string Key => $"{Kind}:{UserId}";
}
