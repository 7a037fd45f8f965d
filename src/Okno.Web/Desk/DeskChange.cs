using Microsoft.AspNetCore.Http.HttpResults;

namespace Okno.Web.Desk;

/// <summary>What a desk command did: the saved item, or the fields it refused (400), or nothing to change (404).</summary>
public sealed record DeskChange<T>(T? Value, Dictionary<string, string[]> Errors, bool NotFound = false) where T : class
{
    public string? ErrorText => Errors.Count == 0 ? null : string.Join(" ", Errors.Values.SelectMany(v => v));

    public Results<Ok<T>, NotFound, ValidationProblem> Updated() =>
        NotFound ? TypedResults.NotFound() : Value is null ? TypedResults.ValidationProblem(Errors) : TypedResults.Ok(Value);

    public Results<Created<T>, ValidationProblem> Created(Func<T, string> location) =>
        Value is null ? TypedResults.ValidationProblem(Errors) : TypedResults.Created(location(Value), Value);
}

public static class DeskChange
{
    public static DeskChange<T> Missing<T>() where T : class => new(null, [], NotFound: true);

    public static DeskChange<T> Invalid<T>(JsonInput input) where T : class => new(null, input.Errors);

    public static DeskChange<T> Done<T>(T value) where T : class => new(value, []);
}
