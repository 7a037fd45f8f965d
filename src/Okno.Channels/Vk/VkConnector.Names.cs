using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Okno.Channels.Common;
using Okno.Core.Channels;

namespace Okno.Channels.Vk;

public sealed partial class VkConnector
{
    private static readonly TimeSpan NameTimeout = TimeSpan.FromSeconds(3);
    private readonly ConcurrentDictionary<(Guid Channel, string User), string> _names = new();

    /// <summary>"First Last" of a VK user by users.get, or null when VK does not answer quickly.</summary>
    private async Task<string?> NameAsync(ChannelContext channel, string userId, CancellationToken ct)
    {
        if (_names.TryGetValue((channel.Id, userId), out var cached)) return cached;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(NameTimeout);
        try
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["access_token"] = channel.RequiredSetting("accessToken"),
                ["v"] = ApiVersion(channel),
                ["user_ids"] = userId,
            });
            using var response = await http.CreateClient("vk").PostAsync(MethodUrl(channel, "users.get"), form, timeout.Token);
            var root = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
            if (root.Array("response").FirstOrDefault() is not { ValueKind: JsonValueKind.Object } user) return null;
            var name = string.Join(' ', new[] { user.Str("first_name"), user.Str("last_name") }.Where(s => !string.IsNullOrEmpty(s)));
            if (name.Length == 0) return null;
            if (_names.Count > 50_000) _names.Clear();
            _names[(channel.Id, userId)] = name;
            return name;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or NotSupportedException
            || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return null;
        }
    }
}
