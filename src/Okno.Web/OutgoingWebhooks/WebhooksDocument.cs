using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Types = Okno.Core.OutgoingWebhooks.WebhookEventTypes;

namespace Okno.Web.OutgoingWebhooks;

/// <summary>
/// The outgoing webhooks in the OpenAPI document (its `webhooks` section, OpenAPI 3.1): one POST per event type with
/// the body's schema — built from the same types <see cref="WebhookPayloads"/> serialises — and the three
/// Standard Webhooks headers, so a CRM developer reads the payloads where the API is described.
/// </summary>
public sealed class WebhooksDocument : IOpenApiDocumentTransformer
{
    /// <summary>Each event type and the type of its `data`.</summary>
    public static readonly IReadOnlyList<(string Type, Type Data, string Summary)> Events =
    [
        (Types.MessageCreated, typeof(MessageEventData), "Сообщение клиента или ответ сотрудника (не заметка) / A client's message or a staff reply (not a note)"),
        (Types.MessageStatusChanged, typeof(MessageStatusEventData), "Статус исходящего сообщения / An outgoing message's status"),
        (Types.ConversationCreated, typeof(ConversationEventData), "Новое обращение / A new request"),
        (Types.ConversationAssigned, typeof(ConversationEventData), "Обращение назначено / Assigned"),
        (Types.ConversationHandedOff, typeof(ConversationEventData), "Передано юристу / Handed off to a lawyer"),
        (Types.ConversationResolved, typeof(ConversationEventData), "Обращение закрыто / Resolved"),
        (Types.ConversationTargetSet, typeof(ConversationEventData), "Отмечено целевым или нецелевым / Marked target or not target"),
        (Types.ContactCreated, typeof(ContactEventData), "Новый клиент / A new contact"),
        (Types.ContactMerged, typeof(ContactMergedEventData), "Карточки клиента объединены / Contacts merged"),
        (Types.SlaBreached, typeof(SlaBreachedEventData), "Нарушен срок SLA / An SLA clock ran out"),
    ];

    private const string Masking =
        "Телефоны маскированы, если у точки не включено includePhones. / Phones are masked unless the endpoint has includePhones.";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        foreach (var (type, data, summary) in Events)
        {
            var body = await context.GetOrCreateSchemaAsync(typeof(WebhookEnvelope<>).MakeGenericType(data), null, ct);
            if (body.Properties?.TryGetValue("type", out var typeSchema) == true && typeSchema is OpenApiSchema t)
                t.Enum = [System.Text.Json.Nodes.JsonValue.Create(type)];
            document.Webhooks[type] = new OpenApiPathItem
            {
                Operations = new Dictionary<HttpMethod, OpenApiOperation>
                {
                    [HttpMethod.Post] = new()
                    {
                        OperationId = "webhook:" + type,
                        Summary = summary,
                        Description = Masking,
                        Tags = new HashSet<OpenApiTagReference> { new("Outgoing webhooks", document) },
                        Parameters = [Header("webhook-id", "Один и тот же при повторах / The same on every retry (msg_…)"),
                            Header("webhook-timestamp", "Секунды Unix этой попытки / Unix seconds of this attempt"),
                            Header("webhook-signature", "v1,<base64 HMAC-SHA256 of id.timestamp.body> — Standard Webhooks")],
                        RequestBody = new OpenApiRequestBody
                        {
                            Required = true,
                            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = body } },
                        },
                        Responses = new OpenApiResponses
                        {
                            ["2XX"] = new OpenApiResponse { Description = "Принято; иначе — повтор с тем же webhook-id / Accepted; anything else is retried with the same webhook-id" },
                        },
                    },
                },
            };
        }
    }

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name, In = ParameterLocation.Header, Required = true, Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
