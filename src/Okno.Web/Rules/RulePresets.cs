using System.Text.Json.Nodes;

namespace Okno.Web.Rules;

/// <summary>
/// Ready auto-replies an admin adds in one click. Each replies at most once per request (the reply action's rule) and
/// never to an auto-reply or a bounce; the texts are the firm's to edit afterwards.
/// </summary>
public static class RulePresets
{
    public const string Greeting = "greeting";
    public const string OutOfHours = "out_of_hours";
    public const string FileReceived = "file_received";

    public static readonly IReadOnlyList<RulePresetDto> All =
    [
        new(Greeting, "Приветствие на первое обращение", "Новому клиенту сразу отвечает, что обращение получено."),
        new(OutOfHours, "Ответ в нерабочее время", "Вне рабочего времени (график распределения) сообщает, когда ответят."),
        new(FileReceived, "«Мы получили ваш файл»", "Когда клиент присылает файл, подтверждает получение."),
    ];

    /// <summary>The body of POST /api/v1/rules the preset stands for.</summary>
    public static JsonObject? Body(string key) => key switch
    {
        Greeting => Rule("Приветствие на первое обращение", RuleEvents.ConversationCreated, key, 10,
            [Condition("contact.isReturning", "eq", false)],
            "Здравствуйте! Мы получили ваше обращение и скоро ответим."),
        OutOfHours => Rule("Ответ в нерабочее время", RuleEvents.MessageReceived, key, 20,
            [Condition("businessHours.open", "eq", false)],
            "Здравствуйте! Сейчас нерабочее время. Мы ответим вам в ближайший рабочий день."),
        FileReceived => Rule("«Мы получили ваш файл»", RuleEvents.MessageReceived, key, 30,
            [Condition("message.hasFiles", "eq", true)],
            "Спасибо, мы получили ваш файл. Юрист ознакомится с ним и ответит."),
        _ => null,
    };

    private static JsonObject Condition(string field, string op, JsonNode value) => new() { ["field"] = field, ["op"] = op, ["value"] = value };

    private static JsonObject Rule(string name, string ev, string preset, int order, JsonObject[] conditions, string reply) => new()
    {
        ["name"] = name, ["event"] = ev, ["preset"] = preset, ["order"] = order, ["enabled"] = true,
        ["conditions"] = new JsonArray(conditions.Cast<JsonNode>().ToArray()),
        ["actions"] = new JsonArray(new JsonObject { ["type"] = "reply", ["text"] = reply }),
    };
}
