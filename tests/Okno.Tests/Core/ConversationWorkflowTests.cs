using Okno.Core;
using Okno.Core.Conversations;

namespace Okno.Tests.Core;

public sealed class ConversationWorkflowTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static Conversation New() => new(1, Guid.NewGuid(), null, Now);

    [Fact]
    public void HandOff_WithReturnBy_ReturnsToSenderWhenDue()
    {
        var c = New();
        c.Assign(10);
        c.HandOff(10, 20, "Проверьте договор", Now.AddHours(2), Now);

        Assert.Equal(20, c.AssigneeId);
        Assert.False(c.IsReturnDue(Now.AddHours(1)));
        Assert.True(c.IsReturnDue(Now.AddHours(2)));
        Assert.Equal(10, c.ReturnToSender());
        Assert.Equal(10, c.AssigneeId);
        Assert.Null(c.ReturnBy);
    }

    [Fact]
    public void HandOff_ReturnByInThePast_Refused() =>
        Assert.Throws<DomainException>(() => New().HandOff(10, 20, null, Now.AddMinutes(-1), Now));

    [Fact]
    public void MarkTarget_NotTargetWithoutReason_Refused() =>
        Assert.Throws<DomainException>(() => New().MarkTarget(false, " "));

    [Fact]
    public void RecordInbound_WakesSnoozed()
    {
        var c = New();
        c.Snooze(Now.AddDays(1), Now);
        c.RecordInbound("снова пишу", Now, Now);
        Assert.Equal(ConversationStatus.Open, c.Status);
        Assert.Equal(1, c.UnreadCount);
    }

    [Fact]
    public void RecordOutbound_ByStaff_SetsFirstResponseOnce()
    {
        var c = New();
        c.RecordInbound("вопрос", Now, Now);
        c.RecordOutbound("ответ", Now.AddMinutes(3), byStaff: true);
        c.RecordOutbound("ещё", Now.AddMinutes(9), byStaff: true);
        Assert.Equal(Now.AddMinutes(3), c.FirstResponseAt);
    }

    [Fact]
    public void OpenedByStaff_WaitsForTheClient_FirstResponseCountsOnlyAfterTheClientWrites()
    {
        var c = Conversation.OpenedByStaff(1, Guid.NewGuid(), Now);
        c.RecordOutbound("Здравствуйте, это юрист", Now, byStaff: true);
        Assert.Equal(ConversationStatus.Pending, c.Status);
        Assert.Null(c.FirstResponseAt);

        c.RecordInbound("Да, слушаю", Now.AddMinutes(5), Now.AddMinutes(5));
        c.RecordOutbound("Расскажите подробнее", Now.AddMinutes(7), byStaff: true);
        Assert.Equal(ConversationStatus.Open, c.Status);
        Assert.Equal(Now.AddMinutes(7), c.FirstResponseAt);
    }
}
