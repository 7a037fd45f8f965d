using Okno.Core.Channels;
using Okno.Core.Reports;
using Okno.Web.Widget;

namespace Okno.Tests.Reports;

/// <summary>Issue 13.2: the source details each channel stores become one grouping key, most specific first.</summary>
public sealed class LeadSourceTests
{
    public LeadSourceTests() => ChannelKinds.Register(Okno.Channels.Telegram.TelegramChannel.Descriptor);

    [Fact]
    public void SiteChat_UtmWins_ThenPage_ThenReferrer()
    {
        var utm = LeadSource.From(ChannelKind.WebChat,
            """{"channel":"webchat","pageUrl":"https://www.site.ru/razvod/?phone=79035554411","referrer":"https://yandex.ru/search","utm_source":"Yandex","utm_medium":"cpc","utm_campaign":"Осень"}""");
        Assert.Equal("utm:yandex/cpc/Осень", utm.Key);
        Assert.Equal("UTM: yandex / cpc / Осень", LeadSource.Label(utm.Key));
        Assert.Equal("Осень", utm.UtmCampaign);
        Assert.Equal("https://yandex.ru/search", utm.Referrer);

        var page = LeadSource.From(ChannelKind.WebChat, """{"pageUrl":"https://www.site.ru/razvod/?phone=79035554411","referrer":"https://yandex.ru/search"}""");
        Assert.Equal("page:site.ru/razvod", page.Key); // no query string: it may carry a client's data
        var referrer = LeadSource.From(ChannelKind.WebChat, """{"referrer":"https://www.google.com/"}""");
        Assert.Equal("ref:google.com", referrer.Key);
        Assert.Equal("Переход с google.com", LeadSource.Label(referrer.Key));
    }

    [Fact]
    public void Avito_TheItem_Max_TheStartPayload_Otherwise_TheChannel()
    {
        Assert.Equal("avito:3456789012", LeadSource.From(ChannelKind.Avito, """{"channel":"avito","chatId":"u2i-1","itemId":3456789012}""").Key);
        Assert.Equal("3456789012", LeadSource.From(ChannelKind.Avito, """{"itemId":3456789012}""").AvitoItem);
        Assert.Equal("start:promo-7", LeadSource.From(ChannelKind.Max, """{"source":"max_start","payload":"promo-7"}""").Key);
        Assert.Equal("direct:telegram", LeadSource.From(ChannelKind.Telegram, null).Key);
        Assert.Equal("direct:telegram", LeadSource.From(ChannelKind.Telegram, "not json").Key);
        Assert.StartsWith("Напрямую: ", LeadSource.Label("direct:telegram"), StringComparison.Ordinal);
    }

    [Fact]
    public void TheWidgetsOwnDetails_AreRead()
    {
        var details = WidgetIngest.SourceDetails(new PageSource("https://site.ru/nasledstvo", null, "vk", "social", "spring", null, null), VisitorFor(), offline: false);
        Assert.Equal("utm:vk/social/spring", LeadSource.From(ChannelKind.WebChat, details).Key);
        Assert.Equal("https://site.ru/nasledstvo", LeadSource.From(ChannelKind.WebChat, details).Page);
    }

    private static VisitorToken VisitorFor() => new(Guid.NewGuid(), "visitor-1", DateTimeOffset.UnixEpoch);
}
