using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Okno.Core;
using Okno.Core.Contacts;
using Okno.Core.Conversations;
using Okno.Core.Data;
using Okno.Core.Events;
using Okno.Core.Operators;

namespace Okno.Tests.Conversations;

/// <summary>The return scheduler on a real SQLite file with a fake clock.</summary>
public sealed class ReturnSchedulerTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "okno-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly List<OknoEvent> _events = [];
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        var database = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(_dir, "okno.db")}" };
        var services = new ServiceCollection().AddLogging();
        services.AddOknoCore(database, Path.Combine(_dir, "files"));
        services.AddSingleton<TimeProvider>(_clock);
        _services = services.BuildServiceProvider();
        OknoDatabase.PrepareSqliteFile(database);
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OknoDbContext>().Database.MigrateAsync();
        _services.GetRequiredService<EventBus>().Subscribe(e => { lock (_events) _events.Add(e); });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private ReturnScheduler Scheduler => _services.GetRequiredService<ReturnScheduler>();

    private async Task<(long ConversationId, long From, long To)> HandedOffAsync(TimeSpan? returnIn)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
        var now = _clock.GetUtcNow();
        var from = new User($"op{Guid.NewGuid():N}@test.local", "Оператор", UserRole.Operator, now);
        var to = new User($"law{Guid.NewGuid():N}@test.local", "Юрист", UserRole.Lawyer, now);
        var contact = new Contact("Клиент", now);
        db.AddRange(from, to, contact);
        await db.SaveChangesAsync();
        var c = new Conversation(contact.Id, Guid.NewGuid(), null, now);
        c.Assign(from.Id);
        c.HandOff(from.Id, to.Id, "посмотрите договор", returnIn is { } r ? now + r : null, now);
        db.Conversations.Add(c);
        await db.SaveChangesAsync();
        return (c.Id, from.Id, to.Id);
    }

    private async Task<Conversation> LoadAsync(long id)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OknoDbContext>().Conversations.AsNoTracking().FirstAsync(c => c.Id == id);
    }

    [Fact]
    public async Task RunOnce_BeforeReturnBy_LeavesItWithTheColleague()
    {
        var (id, _, to) = await HandedOffAsync(TimeSpan.FromMinutes(10));
        _clock.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(59));

        var worked = await Scheduler.RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, worked);
        var c = await LoadAsync(id);
        Assert.Equal(to, c.AssigneeId);
        Assert.NotNull(c.ReturnBy);
    }

    [Fact]
    public async Task RunOnce_ReturnByReached_ReturnsToSenderAndNotifiesBoth()
    {
        var (id, from, to) = await HandedOffAsync(TimeSpan.FromMinutes(10));
        _clock.Advance(TimeSpan.FromMinutes(10));

        var worked = await Scheduler.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, worked);
        var c = await LoadAsync(id);
        Assert.Equal(from, c.AssigneeId);
        Assert.Null(c.HandedOffById);
        Assert.Null(c.ReturnBy);
        lock (_events)
        {
            Assert.Contains(_events, e => e is ConversationUpdated { Change: ConversationChange.Returned } u && u.ConversationId == id && u.AssigneeId == from);
            Assert.Contains(_events, e => e is UserNotified n && n.UserId == from && n.ConversationId == id);
            Assert.Contains(_events, e => e is UserNotified n && n.UserId == to && n.ConversationId == id);
        }
        Assert.Equal(0, await Scheduler.RunOnceAsync(CancellationToken.None)); // once only
    }

    [Fact]
    public async Task RunOnce_HandOffWithoutReturnBy_NeverReturns()
    {
        var (id, _, to) = await HandedOffAsync(null);
        _clock.Advance(TimeSpan.FromDays(30));

        await Scheduler.RunOnceAsync(CancellationToken.None);

        Assert.Equal(to, (await LoadAsync(id)).AssigneeId);
    }

    [Fact]
    public async Task RunOnce_SnoozedUntilReached_WakesConversation()
    {
        var (id, _, _) = await HandedOffAsync(null);
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OknoDbContext>();
            var c = await db.Conversations.FirstAsync(x => x.Id == id);
            c.Snooze(_clock.GetUtcNow().AddHours(1), _clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        _clock.Advance(TimeSpan.FromMinutes(59));
        await Scheduler.RunOnceAsync(CancellationToken.None);
        Assert.Equal(ConversationStatus.Snoozed, (await LoadAsync(id)).Status);

        _clock.Advance(TimeSpan.FromMinutes(1));
        var worked = await Scheduler.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, worked);
        var woken = await LoadAsync(id);
        Assert.Equal(ConversationStatus.Open, woken.Status);
        Assert.Null(woken.SnoozedUntil);
    }

    [Fact]
    public void HandOff_ReturnByInThePast_Refused()
    {
        var now = _clock.GetUtcNow();
        var c = new Conversation(1, Guid.NewGuid(), null, now);

        var ex = Assert.Throws<DomainException>(() => c.HandOff(1, 2, null, now.AddSeconds(-1), now));

        Assert.Contains("будущем", ex.Message);
    }
}
