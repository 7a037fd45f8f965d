namespace Okno.Web.OutgoingWebhooks;

/// <summary>Outgoing webhooks (Standard Webhooks): endpoints, the recorder fed by the live-event stream, the delivery worker.</summary>
public static class OutgoingWebhooksSetup
{
    public static void AddOutgoingWebhooks(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Okno:Webhooks");
        builder.Services.AddSingleton(new WebhookOptions { AllowPrivateNetworks = section.GetValue("AllowPrivateNetworks", false) });
        builder.Services.AddSingleton<WebhookTargets>();
        builder.Services.AddSingleton<WebhookSecrets>();
        builder.Services.AddSingleton<WebhookSignal>();
        builder.Services.AddScoped<WebhookPayloads>();
        builder.Services.AddScoped<WebhookSender>();
        builder.Services.AddScoped<WebhookAdmin>();
        WebhookTargets.AddClient(builder.Services);
        builder.Services.AddSingleton<WebhookRecorder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WebhookRecorder>());
        builder.Services.AddSingleton<WebhookWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WebhookWorker>());
        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o => o.AddDocumentTransformer<WebhooksDocument>());
    }
}
