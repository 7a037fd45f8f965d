using Okno.Core.Channels;

namespace Okno.Web.Channels;

/// <summary>What staff who are not administrators see of a channel: no settings, no API addresses, no secret tails.</summary>
public sealed record ChannelSummaryDto(Guid Id, string Kind, string Name, string Status, bool IsDemo)
{
    public static ChannelSummaryDto From(ChannelAccount a) => new(a.Id, a.Kind.ToWireName(), a.Name, ChannelDto.StatusName(a.Status), a.IsDemo);
}
