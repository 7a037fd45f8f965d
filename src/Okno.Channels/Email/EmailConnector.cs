using System.Text.Json.Nodes;
using MimeKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Okno.Channels.Common;
using Okno.Core.Channels;

namespace Okno.Channels.Email;

/// <summary>
/// E-mail: letters are read over IMAP (IDLE, or NOOP polling when the server lacks it) and answered over SMTP.
/// No webhooks. Threading by Message-ID / In-Reply-To / References. CHANNELS.md §6.
/// </summary>
public sealed partial class EmailConnector(IServiceScopeFactory scopes, TimeProvider clock, ILogger<EmailConnector> log)
    : IChannelConnector, IPollingConnector
{
    public const string DefaultSubject = "Ответ на ваше обращение";
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(30);

    public ChannelDescriptor Descriptor => EmailChannel.Descriptor;

    public IReadOnlyDictionary<string, string> ValidateSettings(JsonObject settings)
    {
        var errors = new Dictionary<string, string>();
        foreach (var name in new[] { "imapPort", "smtpPort" })
            if (settings[name] is { } node && EmailSettings.ParsePort(node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString()) is null)
                errors[name] = "Номер порта от 1 до 65535.";
        if (settings["pollSeconds"] is { } poll && EmailSettings.PollSeconds(poll is JsonValue pv && pv.TryGetValue<string>(out var ps) ? ps : poll.ToJsonString()) is null)
            errors["pollSeconds"] = "Интервал проверки почты: от 1 до 3600 секунд.";
        if (settings["fromAddress"] is JsonValue from && from.TryGetValue<string>(out var address) && !string.IsNullOrWhiteSpace(address) &&
            !(MailboxAddress.TryParse(address, out var parsed) && parsed.Address.Contains('@', StringComparison.Ordinal)))
            errors["fromAddress"] = "Нужен адрес электронной почты вида info@firma.ru.";
        if (settings["smtpUser"] is JsonValue u && u.TryGetValue<string>(out var user) && !string.IsNullOrWhiteSpace(user))
            Settings.Require(settings, errors, "smtpPassword");
        return errors;
    }

    public Task<WebhookOutcome> ReadWebhookAsync(ChannelContext channel, WebhookRequest request, CancellationToken ct) =>
        Task.FromResult<WebhookOutcome>(new WebhookOutcome.Rejected(404, "The e-mail channel has no webhook: letters are read over IMAP."));
}
