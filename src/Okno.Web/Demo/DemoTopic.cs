namespace Okno.Web.Demo;

/// <summary>One kind of legal matter: how a client opens it, what they add later, how they answer a lawyer.</summary>
public sealed record DemoTopic(string Name, IReadOnlyList<string> Openings, IReadOnlyList<string> FollowUps, string PhotoCaption,
    IReadOnlyList<string> Answers);
