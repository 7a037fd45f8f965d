using System.Net;
using Okno.Tests.Channels.Vk;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Security;

/// <summary>Issue 10.15: anyone could ask for the confirmation code (and bind their own server) by leaving the secret out.</summary>
public abstract class VkConfirmationWithoutSecretTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : OknoApp
{
    [SkippableFact]
    public async Task Confirmation_WithoutSecret_401AndNoCode()
    {
        var kit = await VkTestKit.CreateAsync(App);
        var confirmation = kit.Sim.ConfirmationEvent(kit.GroupId);
        confirmation.Remove("secret");

        var response = await kit.PostAsync(confirmation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(kit.ConfirmationCode, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Confirmation_WithSecret_AnsweredWithCode()
    {
        var kit = await VkTestKit.CreateAsync(App);

        var response = await kit.PostAsync(kit.Sim.ConfirmationEvent(kit.GroupId));

        Assert.Equal(kit.ConfirmationCode, await response.Content.ReadAsStringAsync());
    }
}

public sealed class VkConfirmationWithoutSecretSqliteTests(SqliteOknoApp app) : VkConfirmationWithoutSecretTests<SqliteOknoApp>(app);
