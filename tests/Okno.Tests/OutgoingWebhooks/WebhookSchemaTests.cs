using System.Text.Json.Nodes;
using Okno.Core.OutgoingWebhooks;
using Okno.Tests.Infrastructure;

namespace Okno.Tests.OutgoingWebhooks;

/// <summary>
/// Issue 16: "payloads documented in OpenAPI". Every event type is in the document's `webhooks` section with the
/// Standard Webhooks headers, and what a receiver really gets has no field the document does not describe.
/// </summary>
public sealed class WebhookSchemaTests(SqliteWebhooksApp app) : OknoTest<SqliteWebhooksApp>(app)
{
    [SkippableFact]
    public async Task EveryEventType_InTheDocument_WithTheSignatureHeaders()
    {
        var doc = await App.GetJsonAsync("/openapi/v1.json");

        var hooks = doc["webhooks"]!.AsObject();
        Assert.Equal(WebhookEventTypes.All.Order(StringComparer.Ordinal), hooks.Select(h => h.Key).Order(StringComparer.Ordinal));
        foreach (var (type, item) in hooks)
        {
            var post = item!["post"]!;
            Assert.Equal(["webhook-id", "webhook-timestamp", "webhook-signature"],
                post["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
            var body = Resolve(doc, post["requestBody"]!["content"]!["application/json"]!["schema"]!);
            Assert.Equal(["data", "timestamp", "type"], body["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
            Assert.Equal(type, Resolve(doc, body["properties"]!["type"]!)["enum"]![0]!.GetValue<string>());
        }
    }

    [SkippableFact]
    public async Task MessageCreated_WhatTheReceiverGets_IsWhatTheDocumentDescribes()
    {
        var kit = await WebhooksKit.CreateAsync(App);
        await using var receiver = await WebhookReceiver.StartAsync();
        await kit.EndpointAsync(receiver.Url, ["message.created", "conversation.created", "contact.created"]);
        var text = WebhooksKit.Unique("Здравствуйте, вопрос по наследству");

        await kit.ClientWritesAsync(text, "Вера");
        var doc = await App.GetJsonAsync("/openapi/v1.json");

        var message = Assert.Single(await receiver.WaitForAsync(1, "message.created", text));
        AssertDescribed(doc, "message.created", JsonNode.Parse(message.Body)!);
        Assert.Equal(text, JsonNode.Parse(message.Body)!["data"]!["message"]!["text"]!.GetValue<string>());
        var others = await OknoApp.EventuallyAsync(() => Task.FromResult(
            receiver.Matching("conversation.created", "").Concat(receiver.Matching("contact.created", "")).ToList() is { Count: >= 2 } l ? l : null));
        foreach (var delivery in others!)
        {
            var body = JsonNode.Parse(delivery.Body)!;
            AssertDescribed(doc, body["type"]!.GetValue<string>(), body);
        }
    }

    private static void AssertDescribed(JsonNode doc, string type, JsonNode body)
    {
        var schema = Resolve(doc, doc["webhooks"]![type]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!);
        var checkedFields = Walk(doc, schema, body, type);
        Assert.True(checkedFields > 5, $"{type}: only {checkedFields} fields checked");
    }

    /// <summary>Every property of <paramref name="value"/> is one the schema names, all the way down; returns how many were checked.</summary>
    private static int Walk(JsonNode doc, JsonNode schema, JsonNode? value, string path)
    {
        schema = Resolve(doc, schema);
        if (value is null) return 0;
        if ((schema["anyOf"] ?? schema["oneOf"]) is { } options)
            return options.AsArray().Select(o => Resolve(doc, o!)).Where(o => Fits(o, value)).Select(o => Walk(doc, o, value, path)).DefaultIfEmpty(0).Max();
        if (value is JsonObject obj)
        {
            var props = schema["properties"]?.AsObject();
            Assert.True(props is not null || schema["additionalProperties"] is not null, $"{path}: an object the document does not describe");
            var count = 0;
            foreach (var (key, child) in obj)
            {
                if (props is null) continue;
                Assert.True(props.ContainsKey(key), $"{path}.{key}: not in the document");
                count += 1 + Walk(doc, props[key]!, child, path + "." + key);
            }
            return count;
        }
        if (value is JsonArray arr && schema["items"] is { } items)
            return arr.Sum(v => Walk(doc, items, v, path + "[]"));
        return 0;
    }

    private static bool Fits(JsonNode schema, JsonNode value) => value switch
    {
        JsonObject => schema["properties"] is not null || schema["additionalProperties"] is not null,
        JsonArray => schema["items"] is not null,
        _ => true,
    };

    private static JsonNode Resolve(JsonNode doc, JsonNode schema)
    {
        while (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            Assert.StartsWith("#/components/schemas/", reference, StringComparison.Ordinal);
            schema = doc["components"]!["schemas"]![reference["#/components/schemas/".Length..]]
                ?? throw new Xunit.Sdk.XunitException($"{reference}: not in the document");
        }
        return schema;
    }
}
