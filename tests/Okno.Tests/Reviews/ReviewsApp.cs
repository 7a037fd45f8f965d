using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Okno.Core.Data;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Reviews;

/// <summary>Okno with a fake clock: the review queue is per week, the satisfaction survey's window three days.</summary>
public abstract class ReviewsApp : OknoApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 3, 3, 9, 0, 0, TimeSpan.Zero)); // a Wednesday

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class SqliteReviewsApp : ReviewsApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresReviewsApp : ReviewsApp
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
