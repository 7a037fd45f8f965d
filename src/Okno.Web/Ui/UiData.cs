namespace Okno.Web.Ui;

/// <summary>
/// A circuit lives long and its events interleave, so each piece of UI work gets its own DI scope (its own
/// DbContext) instead of sharing the circuit's. Components name the feature query or command they use —
/// <c>Data.Run&lt;CreateChannel, …&gt;(c =&gt; c.ExecuteAsync(…))</c> — the same classes the REST endpoints call.
/// </summary>
public sealed class UiData(IServiceScopeFactory scopes)
{
    public async Task<TResult> Run<TFeature, TResult>(Func<TFeature, Task<TResult>> work) where TFeature : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TFeature>());
    }

    public async Task Run<TFeature>(Func<TFeature, Task> work) where TFeature : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<TFeature>());
    }

    /// <summary>Untyped access, kept only until the inbox components move to feature classes (issue 18 is rewriting them).</summary>
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Untyped access, kept only until the inbox components move to feature classes (issue 18 is rewriting them).</summary>
    public async Task RunAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }
}
