using System.Text.Json.Nodes;
using Okno.Web.Ui;

namespace Okno.Tests.Ui;

public sealed class TemplateInputTests
{
    [Fact]
    public void ToJson_NameAndParams_CloudApiTemplateObject()
    {
        var json = JsonNode.Parse(TemplateInput.ToJson("appointment_reminder | Мария | 12:30")!)!;

        Assert.Equal("appointment_reminder", json["name"]!.GetValue<string>());
        Assert.Equal("ru", json["language"]!["code"]!.GetValue<string>());
        var parameters = json["components"]![0]!["parameters"]!.AsArray();
        Assert.Equal(["Мария", "12:30"], parameters.Select(p => p!["text"]!.GetValue<string>()));
    }

    [Fact]
    public void ToJson_JsonObject_PassedThroughAndEmptyIsNull()
    {
        Assert.Equal("{\"name\":\"x\",\"language\":{\"code\":\"en\"}}", TemplateInput.ToJson(" {\"name\":\"x\",\"language\":{\"code\":\"en\"}} "));
        Assert.Null(TemplateInput.ToJson("  "));
    }
}
