using Microsoft.AspNetCore.Http;
using Okno.Core.OutgoingWebhooks;
using StandardWebhooks;

namespace Okno.Tests.OutgoingWebhooks;

/// <summary>The signer against the Standard Webhooks specification's published test vector and an independent verifier.</summary>
public sealed class WebhookSignatureTests
{
    [Fact]
    public void Sign_SpecTestVector_MatchesThePublishedSignature()
    {
        var signature = WebhookSignature.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}");

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void Sign_NewSecretNow_PassesTheStandardWebhooksVerifier()
    {
        var secret = WebhookSignature.NewSecret();
        var id = WebhookSignature.NewWebhookId();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        const string body = "{\"type\":\"message.created\",\"data\":{\"text\":\"Здравствуйте\"}}";
        var headers = new HeaderDictionary
        {
            ["webhook-id"] = id,
            ["webhook-timestamp"] = now.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["webhook-signature"] = WebhookSignature.Sign(secret, id, now, body),
        };

        new StandardWebhook(secret).Verify(body, headers);
        Assert.Throws<StandardWebhooks.Diagnostics.WebhookVerificationException>(() => new StandardWebhook(secret).Verify(body + " ", headers));
    }

    [Fact]
    public void Secrets_OnlyWhsecBase64OfAReasonableLength()
    {
        Assert.True(WebhookSignature.IsValidSecret(WebhookSignature.NewSecret()));
        Assert.True(WebhookSignature.IsValidSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        Assert.False(WebhookSignature.IsValidSecret("whsec_c2hvcnQ="));
        Assert.False(WebhookSignature.IsValidSecret("whsec_not base64!"));
    }

    [Fact]
    public void Schedule_RetriesForMoreThanADay()
    {
        Assert.True(WebhookSchedule.Total >= TimeSpan.FromHours(24));
        Assert.Equal(TimeSpan.FromSeconds(5), WebhookSchedule.After(1));
        Assert.Null(WebhookSchedule.After(WebhookSchedule.MaxAttempts));
    }
}
