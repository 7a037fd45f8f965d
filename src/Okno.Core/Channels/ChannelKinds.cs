using System.Collections.Concurrent;

namespace Okno.Core.Channels;

/// <summary>
/// The descriptors of the kinds this process knows, registered once at start-up by each connector's
/// <c>Add…Channel()</c>. Descriptors are immutable data, so registering the same one twice (several hosts in one
/// test process) is harmless.
/// </summary>
public static class ChannelKinds
{
    private static readonly ConcurrentDictionary<ChannelKind, ChannelDescriptor> ByKind = new();

    public static void Register(ChannelDescriptor descriptor) => ByKind[descriptor.Kind] = descriptor;

    /// <summary>In the order of the enum, so lists are stable.</summary>
    public static IReadOnlyList<ChannelDescriptor> All => ByKind.Values.OrderBy(d => d.Kind).ToList();

    public static IEnumerable<string> WireNames => All.Select(d => d.WireName);

    public static ChannelDescriptor Describe(this ChannelKind kind) => ByKind.TryGetValue(kind, out var d) ? d
        : throw new InvalidOperationException($"Channel kind {kind} has no registered descriptor.");

    public static string ToWireName(this ChannelKind kind) => kind.Describe().WireName;

    public static bool TryParse(string? wireName, out ChannelKind kind)
    {
        var d = All.FirstOrDefault(x => string.Equals(x.WireName, wireName, StringComparison.OrdinalIgnoreCase));
        kind = d?.Kind ?? default;
        return d is not null;
    }
}
