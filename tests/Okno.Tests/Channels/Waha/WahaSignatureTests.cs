using System.Security.Cryptography;
using System.Text;
using Okno.Channels.Common;

namespace Okno.Tests.Channels.Waha;

public sealed class WahaSignatureTests
{
    [Fact]
    public void HmacMatches_OfficialWahaTestVector_True()
    {
        // waha.devlike.pro/docs/how-to/webhooks: this body with key "my-secret-key" signs to this hex (HMAC-SHA512).
        var body = Encoding.UTF8.GetBytes("{\"event\":\"message\",\"session\":\"default\",\"engine\":\"WEBJS\"}");
        const string expected = "208f8a55dde9e05519e898b10b89bf0d0b3b0fdf11fdbf09b6b90476301b98d8097c462b2b17a6ce93b6b47a136cf2e78a33a63f6752c2c1631777076153fa89";

        Assert.True(ConstantTime.HmacMatches(expected, "", Encoding.UTF8.GetBytes("my-secret-key"), body, HashAlgorithmName.SHA512));
        Assert.False(ConstantTime.HmacMatches(expected, "", Encoding.UTF8.GetBytes("other-key"), body, HashAlgorithmName.SHA512));
    }
}
