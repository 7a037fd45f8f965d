using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Okno.Core.Operators;
using Okno.Tests.Channels.Telegram;
using Okno.Tests.Channels.WebChat;
using Okno.Tests.Infrastructure;
using Okno.Web.Auth;
using Okno.Web.Ui;

namespace Okno.Tests.Security;

/// <summary>
/// Issue 10.5: an operator, who sees phones masked, types digits into the inbox search one at a time and watches which
/// requests stay in the list — reading the hidden number back. Also LIKE wildcards typed as search text.
/// </summary>
public abstract class MaskedPhoneSearchOracleTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    private static long _nextUser = 660_000 + Random.Shared.Next(1000) * 100;

    private async Task<IReadOnlyList<InboxRow>> SearchAsync(UserRole role, string query)
    {
        using var scope = App.Services.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<InboxQueries>();
        return await queries.ListAsync(new CurrentUser(1, role, "Тест"), InboxTab.All, StatusFilter.Any, null, query);
    }

    /// <summary>A Telegram client whose profile name is their phone number (people do that).</summary>
    private async Task<(long ConversationId, string Digits)> ClientNamedByPhoneAsync()
    {
        var kit = await TelegramTestKit.CreateAsync(App);
        var digits = "7916" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await kit.PostAsync(App.Sim.Telegram.TextUpdate(Interlocked.Increment(ref _nextUser), "Вопрос " + tag, "Сергей", digits));
        var conversation = await OknoApp.EventuallyAsync(() => kit.FindConversationAsync(tag), what: "the conversation");
        return (conversation["id"]!.GetValue<long>(), digits);
    }

    [SkippableFact]
    public async Task Search_OperatorTypesDigitsOfMaskedPhoneInName_NoMatch()
    {
        var (id, digits) = await ClientNamedByPhoneAsync();

        var prefix = await SearchAsync(UserRole.Operator, digits[..6]);
        var whole = await SearchAsync(UserRole.Operator, digits);
        var byName = await SearchAsync(UserRole.Operator, "сергей");
        var admin = await SearchAsync(UserRole.Admin, digits[..6]);

        Assert.DoesNotContain(prefix, r => r.Id == id);
        Assert.DoesNotContain(whole, r => r.Id == id);
        Assert.Contains(byName, r => r.Id == id && !r.Name.Contains(digits[..6], StringComparison.Ordinal));
        Assert.Contains(admin, r => r.Id == id);
    }

    [SkippableFact]
    public async Task Search_OperatorTypesDigitsOfPhoneInEmailAddress_NoMatch()
    {
        var widget = await WebChatTestKit.CreateAsync(App, s => s["preChatForm"] = true);
        var digits = "7903" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var session = await widget.SessionAsync(new JsonObject { ["name"] = "Ольга", ["email"] = digits + "@mail.example", ["consent"] = true });
        var tag = Guid.NewGuid().ToString("N")[..8];
        await widget.PostMessageAsync(session["token"]!.GetValue<string>(), "Вопрос " + tag);
        var id = (await OknoApp.EventuallyAsync(() => widget.FindConversationAsync(tag)))["id"]!.GetValue<long>();

        var operatorRows = await SearchAsync(UserRole.Operator, digits[..7]);
        var adminRows = await SearchAsync(UserRole.Admin, digits[..7]);

        Assert.DoesNotContain(operatorRows, r => r.Id == id);
        Assert.Contains(adminRows, r => r.Id == id);
    }

    [SkippableTheory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("%%%%")]
    public async Task Search_LikeWildcards_AreLiteral(string wildcard)
    {
        var (id, _) = await ClientNamedByPhoneAsync();

        var rows = await SearchAsync(UserRole.Admin, wildcard);

        Assert.DoesNotContain(rows, r => r.Id == id);
    }
}

public sealed class SqliteMaskedPhoneSearchOracleTests(SqliteOknoApp app) : MaskedPhoneSearchOracleTests<SqliteOknoApp>(app);
public sealed class PostgresMaskedPhoneSearchOracleTests(PostgresOknoApp app) : MaskedPhoneSearchOracleTests<PostgresOknoApp>(app);
