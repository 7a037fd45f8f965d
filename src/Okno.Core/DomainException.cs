namespace Okno.Core;

/// <summary>A rule of the domain said no; the message is for the person who asked (Russian first).</summary>
public sealed class DomainException(string message) : Exception(message);
