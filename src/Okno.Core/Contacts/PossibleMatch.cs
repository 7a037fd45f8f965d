namespace Okno.Core.Contacts;

/// <summary>
/// Another contact that may be the same person: it holds (or, when <paramref name="OtherClaims"/>, only claims) the
/// same phone or address. A merge keeps the contact that holds it verified.
/// </summary>
public sealed record PossibleMatch(long ContactId, string? Name, IdentityKind Kind, string Value, bool OtherClaims);
