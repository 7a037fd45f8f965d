namespace Okno.Web.Scripts;

public sealed record ScriptDto(long Id, string Title, string Text, DateTimeOffset CreatedAt);

public sealed record ScriptBody(string? Title, string? Text);
