using Okno.Core.Contacts;

namespace Okno.Tests.Core;

public sealed class IdentityNormalizerTests
{
    [Theory]
    [InlineData("89161234567")]
    [InlineData("+7 916 123-45-67")]
    [InlineData("79161234567")]
    [InlineData("8 (916) 123 45 67")]
    public void NormalizePhone_RussianForms_SameE164(string raw) =>
        Assert.Equal("+79161234567", IdentityNormalizer.Normalize(IdentityKind.Phone, raw));

    [Fact]
    public void NormalizePhone_ForeignWithoutPlus_KeepsCountry() =>
        Assert.Equal("+16505551234", IdentityNormalizer.Normalize(IdentityKind.Phone, "16505551234"));

    [Theory]
    [InlineData("12")]
    [InlineData("not a phone")]
    [InlineData("")]
    public void NormalizePhone_Garbage_Null(string raw) => Assert.Null(IdentityNormalizer.Normalize(IdentityKind.Phone, raw));

    [Fact]
    public void NormalizeEmail_LowerCased() => Assert.Equal("ivan@example.ru", IdentityNormalizer.Normalize(IdentityKind.Email, " Ivan@Example.RU "));

    [Fact]
    public void Mask_RussianPhone_KeepsLastFourDigits() => Assert.Equal("+7 *** ***-45-67", PhoneMask.Mask("+79161234567"));
}
