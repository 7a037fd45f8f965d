using Okno.Core.Contacts;

namespace Okno.Tests.Security;

/// <summary>Issue 10.12: a client (or anyone writing text an operator reads) dresses a phone up so the mask misses it.</summary>
public sealed class PhoneMaskEvasionTests
{
    [Theory]
    [InlineData("+7.916.555.01.23")]
    [InlineData("8 916 555 - 01 - 23")]
    [InlineData("8/916/555/01/23")]
    [InlineData("８９１６５５５０１２３")]                         // full-width digits
    [InlineData("+7 916 555\u200B01\u200B23")]                 // zero-width spaces
    [InlineData("8\u200D9\u200C1\u20606\uFEFF5550123")]        // joiners, word joiner, BOM
    [InlineData("＋７（９１６）５５５－０１－２３")]                 // full-width plus, brackets, hyphen
    [InlineData("+7 916 555\u201301\u201323")]                 // en dashes
    [InlineData("+7\u00A0916\u00A0555\u00A001\u00A023")]       // no-break spaces
    [InlineData("٨٩١٦٥٥٥٠١٢٣")]                               // Arabic-Indic digits
    public void MaskInText_DisguisedPhone_LeavesNoFullNumber(string disguised)
    {
        var masked = PhoneMask.MaskInText("звоните: " + disguised + " вечером");

        var digits = new string(masked.Where(char.IsDigit).Select(c => (char)('0' + (int)char.GetNumericValue(c))).ToArray());
        Assert.DoesNotContain("916", digits);
        Assert.DoesNotContain("555", digits);
        Assert.Contains("*** ***-01-23", masked);
    }

    [Theory]
    [InlineData("Дело № 2-1234/2025, сумма 150000")]
    [InlineData("Встреча 25.11 в 10:30")]
    [InlineData("Счёт №１２ от 01.02.2026")]
    public void MaskInText_NoPhone_KeepsNumbersThatAreNotPhones(string text)
    {
        var masked = PhoneMask.MaskInText(text);

        Assert.DoesNotContain("***", masked);
        Assert.Equal(text.Contains('№', StringComparison.Ordinal), masked.Contains('№', StringComparison.Ordinal));
    }
}
