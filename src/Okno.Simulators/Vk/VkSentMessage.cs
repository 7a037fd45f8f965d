namespace Okno.Simulators.Vk;

/// <summary>A message a community sent to a user, as the stand-in delivered it.</summary>
public sealed record VkSentMessage(long Id, long PeerId, long RandomId, string Text, DateTimeOffset At);
