namespace Okno.Channels.WebChat;

/// <summary>An operator's message as the widget shows it.</summary>
public sealed record WebChatPush(long Id, string Direction, string? Text, DateTimeOffset At, IReadOnlyList<string> Files);
