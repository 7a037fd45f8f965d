using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.Rules;

/// <summary>/api/v1/rules: CRUD, the log, a dry run, presets, and a clear 400 for every kind of bad rule; admins only.</summary>
public abstract class RulesApiTests<TApp>(TApp app) : OknoTest<TApp>(app) where TApp : RulesApp
{
    [SkippableFact]
    public async Task Crud_CreateReadPatchDelete()
    {
        var kit = await RulesKit.CreateAsync(App);
        var created = await kit.CreateAsync(new JsonObject
        {
            ["name"] = "Долги — в команду", ["event"] = "message.received", ["order"] = 5,
            ["conditions"] = new JsonArray(RulesKit.Condition("message.text", "matches", new JsonArray("долг", "кредит")), RulesKit.Condition("channel.kind", "in", new JsonArray("telegram", "email"))),
            ["actions"] = new JsonArray(new JsonObject { ["type"] = "add_label", ["label"] = "долги" }, new JsonObject { ["type"] = "snooze", ["for"] = "PT1H" }),
        });
        var id = created["id"]!.GetValue<long>();
        Assert.True(created["enabled"]!.GetValue<bool>());
        Assert.Equal(5, created["order"]!.GetValue<int>());

        using var admin = App.Api();
        var patched = await admin.PatchAsJsonAsync($"/api/v1/rules/{id}", new JsonObject { ["enabled"] = false, ["order"] = 7, ["name"] = "Долги" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var read = await App.GetJsonAsync($"/api/v1/rules/{id}");
        Assert.False(read["enabled"]!.GetValue<bool>());
        Assert.Equal(7, read["order"]!.GetValue<int>());
        Assert.Equal("Долги", read["name"]!.GetValue<string>());
        Assert.Equal(2, read["conditions"]!.AsArray().Count);
        Assert.Contains((await App.GetJsonAsync("/api/v1/rules"))["items"]!.AsArray(), r => r!["id"]!.GetValue<long>() == id);
        Assert.Empty(await kit.LogAsync(id));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/rules/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/rules/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/rules/{id}/log")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(RuleSamples.BadRules), MemberType = typeof(RuleSamples))]
    public async Task Create_BadRule_400NamesTheFieldAndTheProblem(string body, string field, string message)
    {
        using var admin = App.Api();
        var response = await admin.PostAsync("/api/v1/rules", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), problem.ToJsonString());
        Assert.Contains(message, errors[field]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Test_DryRunSaysWhetherAndWhy_AndChangesNothing()
    {
        var kit = await RulesKit.CreateAsync(App);
        var rule = await kit.CreateAsync(new JsonObject
        {
            ["name"] = "Наследство", ["event"] = "message.received", ["enabled"] = false,
            ["conditions"] = new JsonArray(RulesKit.Condition("message.text", "matches", "наследство")),
            ["actions"] = new JsonArray(new JsonObject { ["type"] = "reply", ["text"] = "Поможем с наследством" }),
        });
        var id = rule["id"]!.GetValue<long>();
        using var admin = App.Api();

        var yes = (await (await admin.PostAsJsonAsync("/api/v1/rules/test", new JsonObject { ["ruleId"] = id, ["text"] = "Как оформить наследства после отца?" })).Content.ReadFromJsonAsync<JsonObject>())!;
        var no = (await (await admin.PostAsJsonAsync("/api/v1/rules/test", new JsonObject { ["ruleId"] = id, ["text"] = "Спор с соседом" })).Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.True(yes["match"]!.GetValue<bool>());
        Assert.Contains("Ответить клиенту: Поможем с наследством", yes["actions"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.False(no["match"]!.GetValue<bool>());
        Assert.Contains("нет", no["why"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await kit.LogAsync(id));
    }

    [SkippableFact]
    public async Task Presets_ListedAndEachCreatesAnEnabledReplyRule()
    {
        using var admin = App.Api();
        var presets = (await App.GetJsonAsync("/api/v1/rules/presets"))["items"]!.AsArray().Select(p => p!["key"]!.GetValue<string>()).ToList();
        Assert.Equal(["greeting", "out_of_hours", "file_received"], presets);
        var ids = new List<long>();
        foreach (var key in presets)
        {
            var created = await admin.PostAsync($"/api/v1/rules/presets/{key}", null);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var rule = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("reply", rule["actions"]![0]!["type"]!.GetValue<string>());
            ids.Add(rule["id"]!.GetValue<long>());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/v1/rules/presets/nope", null)).StatusCode);
        // Presets are real rules on a shared app: switch them off again for the other tests.
        foreach (var id in ids) Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/rules/{id}")).StatusCode);
    }

    [SkippableFact]
    public async Task Rules_NotForASupervisor()
    {
        var (email, _) = await Security.SecurityKit.CreateUserAsync(App, "supervisor");
        using var supervisor = await Security.SecurityKit.SignedInAsync(App, email);

        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync("/api/v1/rules")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync("/api/v1/rules", new JsonObject { ["name"] = "x" })).StatusCode);
    }
}

/// <summary>Bad rules and the field each 400 names.</summary>
public static class RuleSamples
{
    public static TheoryData<string, string, string> BadRules => new()
    {
        { """{"event":"message.received","actions":[{"type":"resolve"}]}""", "name", "Обязательное поле" },
        { """{"name":"x","event":"message.sent","actions":[{"type":"resolve"}]}""", "event", "Нет события «message.sent»" },
        { """{"name":"x","event":"message.received","actions":[]}""", "actions", "непустой массив" },
        { """{"name":"x","event":"message.received","actions":[{"type":"explode"}]}""", "actions[0]", "Нет действия «explode»" },
        { """{"name":"x","event":"message.received","actions":[{"type":"add_label"}]}""", "actions[0]", "label: укажите метку" },
        { """{"name":"x","event":"message.received","actions":[{"type":"assign_team","teamId":999999}]}""", "actions[0]", "нет команды с id 999999" },
        { """{"name":"x","event":"message.received","actions":[{"type":"snooze","for":"час"}]}""", "actions[0]", "ISO 8601" },
        { """{"name":"x","event":"message.received","actions":[{"type":"send_template","template":{"language":"ru"}}]}""", "actions[0]", "template.name" },
        { """{"name":"x","event":"message.received","conditions":[{"field":"message.colour","op":"eq","value":"red"}],"actions":[{"type":"resolve"}]}""", "conditions[0]", "Нет поля «message.colour»" },
        { """{"name":"x","event":"message.received","conditions":[{"field":"message.text","op":"like","value":"a"}],"actions":[{"type":"resolve"}]}""", "conditions[0]", "Нет операции «like»" },
        { """{"name":"x","event":"message.received","conditions":[{"field":"channel.kind","op":"eq","value":"icq"}],"actions":[{"type":"resolve"}]}""", "conditions[0]", "нет вида канала «icq»" },
        { """{"name":"x","event":"time.no_staff_reply","actions":[{"type":"resolve"}]}""", "after", "укажите after" },
        { """{"name":"x","event":"time.schedule","schedule":"каждый день","actions":[{"type":"resolve"}]}""", "schedule", "cron" },
    };
}

public sealed class SqliteRulesApiTests(SqliteRulesApp app) : RulesApiTests<SqliteRulesApp>(app);

public sealed class PostgresRulesApiTests(PostgresRulesApp app) : RulesApiTests<PostgresRulesApp>(app);
