namespace Okno.Tests.Infrastructure;

/// <summary>
/// Base of HTTP-level test classes that run on both providers: derive a SQLite class and a PostgreSQL class
/// from one generic class. Tests read <see cref="App"/> first: on a machine without PostgreSQL that skips them.
/// </summary>
public abstract class OknoTest<TApp>(TApp app) : IClassFixture<TApp> where TApp : OknoApp
{
    protected TApp App
    {
        get
        {
            Skip.If(app.Unavailable is not null, app.Unavailable);
            return app;
        }
    }
}
