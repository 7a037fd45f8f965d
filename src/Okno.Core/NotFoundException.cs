namespace Okno.Core;

public sealed class NotFoundException(string message) : Exception(message);
