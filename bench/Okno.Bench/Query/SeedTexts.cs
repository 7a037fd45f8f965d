namespace Okno.Bench.Query;

/// <summary>
/// What the seeded messages say: client questions and staff answers on a law firm's usual topics, with the word
/// forms Russian gives them, so full-text search meets common, middling and rare words. Three rare topics are
/// planted in known messages, each in several word forms, to measure recall: a search for the base form must find
/// every planted message.
/// </summary>
public static class SeedTexts
{
    /// <summary>A planted topic: the query an operator types and the forms the messages use (none of the lemma appears elsewhere).</summary>
    public sealed record Planted(string Query, int Every, int Offset, string[] Forms);

    public static readonly Planted[] Topics =
    [
        new("неустойка", 10_000, 0, ["неустойку", "неустойки", "неустойкой", "неустойке"]),
        new("алименты", 10_000, 2_500, ["алиментов", "алиментам", "алименты", "алиментами"]),
        new("уволили", 10_000, 5_000, ["увольнение", "увольнения", "уволили", "уволить"]),
    ];

    private static readonly string[] Client =
    [
        "Здравствуйте, вопрос по договору аренды квартиры",
        "Добрый день, хочу расторгнуть договор купли-продажи",
        "Подскажите, как оспорить штраф ГИБДД",
        "Мне пришла повестка в суд, что делать",
        "Банк требует вернуть кредит досрочно",
        "Нужна консультация по разделу имущества супругов",
        "Соседи затопили квартиру, управляющая компания молчит",
        "Как вступить в наследство после смерти отца",
        "Страховая занизила выплату по ОСАГО после ДТП",
        "Работодатель не выплатил зарплату за два месяца",
        "Магазин отказывается вернуть деньги за товар",
        "Хочу подать иск о защите прав потребителей",
        "Налоговая прислала требование, не согласен с суммой",
        "Коллекторы звонят каждый день, помогите",
        "Нужно зарегистрировать ООО, какие документы",
        "Вопрос по договорам поставки с контрагентом",
        "Застройщик сорвал сроки сдачи дома",
        "Как оформить вид на жительство",
        "Можно ли обжаловать решение суда первой инстанции",
        "Прошу прислать проект договора и счёт",
    ];

    private static readonly string[] Staff =
    [
        "Добрый день! Отвечаем на ваш вопрос",
        "Спасибо, передали юристу, он свяжется с вами",
        "Пришлите, пожалуйста, копию договора",
        "Консультация стоит 3000 рублей, можем записать на завтра",
        "Юрист изучил документы, перезвоним сегодня",
        "По вашему делу подготовили претензию",
        "Судебное заседание назначено, пришлём подробности",
        "Уточните, пожалуйста, дату подписания договора",
    ];

    /// <summary>The topic planted in message <paramref name="m"/>, if any: client messages m with (m − 1 − offset) a multiple of its spacing.</summary>
    public static Planted? TopicOf(long m, bool inbound) =>
        inbound ? Topics.FirstOrDefault(t => m - 1 >= t.Offset && (m - 1 - t.Offset) % t.Every == 0) : null;

    /// <summary>The text of message <paramref name="m"/>, client or staff.</summary>
    public static string For(long m, bool inbound) => TopicOf(m, inbound) is { } t
        ? $"{Client[(int)(m % Client.Length)]}, и ещё: {t.Forms[(int)(m / t.Every % t.Forms.Length)]} — что посоветуете? ({m})"
        : inbound ? $"{Client[(int)(m / 2 * 7 % Client.Length)]} ({m})" : $"{Staff[(int)(m / 2 * 3 % Staff.Length)]} ({m})"; // m / 2: client ids are all odd
}
