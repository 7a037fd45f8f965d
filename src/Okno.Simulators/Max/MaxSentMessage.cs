namespace Okno.Simulators.Max;

/// <summary>A message a bot sent to a user, as the stand-in delivered it.</summary>
public sealed record MaxSentMessage(string Mid, long UserId, string Text, DateTimeOffset At);
