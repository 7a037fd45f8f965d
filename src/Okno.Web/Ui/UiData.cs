namespace Okno.Web.Ui;

/// <summary>
/// A circuit lives long and its events interleave, so each piece of UI work gets its own DI scope (its own
/// DbContext) instead of sharing the circuit's. Components name the feature query or command they use —
/// <c>Data.Run&lt;CreateChannel, …&gt;(c =&gt; c.ExecuteAsync(…))</c> — the same classes the REST endpoints call.
/// </summary>
public sealed class UiData(IServiceScopeFactory scopes, Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider auth)
{
    public async Task<TResult> Run<TFeature, TResult>(Func<TFeature, Task<TResult>> work) where TFeature : notnull
    {
        await using var scope = await ScopeAsync();
        return await work(scope.ServiceProvider.GetRequiredService<TFeature>());
    }

    public async Task Run<TFeature>(Func<TFeature, Task> work) where TFeature : notnull
    {
        await using var scope = await ScopeAsync();
        await work(scope.ServiceProvider.GetRequiredService<TFeature>());
    }

    /// <summary>Untyped access, kept only until the inbox components move to feature classes (issue 18 is rewriting them).</summary>
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = await ScopeAsync();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Untyped access, kept only until the inbox components move to feature classes (issue 18 is rewriting them).</summary>
    public async Task RunAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = await ScopeAsync();
        await work(scope.ServiceProvider);
    }

    /// <summary>A scope that knows the circuit's user, for the audit (the web app has no HTTP request per action).</summary>
    private async Task<AsyncServiceScope> ScopeAsync()
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            var state = await auth.GetAuthenticationStateAsync();
            if (state.User.Identity?.IsAuthenticated == true)
                scope.ServiceProvider.GetRequiredService<Audit.AuditActor>().Set(Auth.CurrentUser.From(state.User).Id, null);
        }
        catch (InvalidOperationException)
        {
            // Outside a circuit (no authentication state yet): the HTTP request's user, if any, is used.
        }
        return scope;
    }
}
