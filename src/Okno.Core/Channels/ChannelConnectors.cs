namespace Okno.Core.Channels;

/// <summary>The registry: one connector per kind, chosen by kind — no if/else chains over providers.</summary>
public sealed class ChannelConnectors
{
    private readonly Dictionary<ChannelKind, IChannelConnector> _byKind;

    public ChannelConnectors(IEnumerable<IChannelConnector> connectors) =>
        _byKind = connectors.ToDictionary(c => c.Kind);

    public bool Supports(ChannelKind kind) => _byKind.ContainsKey(kind);

    public IChannelConnector For(ChannelKind kind) => _byKind.TryGetValue(kind, out var c) ? c
        : throw new InvalidOperationException($"No connector for channel kind {kind}.");

    public IEnumerable<IChannelConnector> All => _byKind.Values;
}
