namespace Okno.Web.Ui;

/// <summary>
/// A circuit lives long and its events interleave, so each piece of UI work gets its own DI scope
/// (its own DbContext) instead of sharing the circuit's.
/// </summary>
public sealed class UiData(IServiceScopeFactory scopes)
{
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task RunAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }
}
