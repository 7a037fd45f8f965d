using System.Diagnostics;

namespace Okno.Bench.Query;

/// <summary>
/// Fills a migrated, stopped Okno database with a firm's years of history: contacts (each with a Telegram identity and
/// endpoint), two conversations per contact (an older resolved one and a current one), messages spread over a year,
/// 3 % with an attachment. Rows go straight into the real schema (raw inserts / binary COPY), not through EF.
/// </summary>
public static class Seeder
{
    public sealed record Shape(int Contacts, int Conversations, int Messages);

    /// <summary>What was seeded; <see cref="Planted"/>: the ids of the messages carrying each planted topic (SeedTexts).</summary>
    public sealed record Seeded(Shape Shape, Guid ChannelId, double Seconds, Dictionary<string, HashSet<long>> Planted);

    public static async Task<Seeded> SeedAsync(ISeedTarget target, Shape shape)
    {
        var sw = Stopwatch.StartNew();
        var channel = await target.ChannelIdAsync();
        var now = DateTimeOffset.UtcNow;
        var start = now.AddDays(-365);
        var random = new Random(7);
        var perConversation = shape.Messages / shape.Conversations;
        var conversationsPerContact = shape.Conversations / shape.Contacts;

        await target.WriteAsync("Contacts", ["Id", "Name", "CreatedAt", "IsDemo", "MergedIntoId"],
            Range(shape.Contacts, c => new object?[] { (long)c, $"Клиент {c}", start.AddMinutes(c % 500_000), false, null }));
        await target.WriteAsync("Identities", ["Id", "ContactId", "Kind", "Value", "CreatedAt"],
            Range(shape.Contacts, c => new object?[] { (long)c, (long)c, "Telegram", (900_000_000L + c).ToString(System.Globalization.CultureInfo.InvariantCulture), start }));
        await target.WriteAsync("Endpoints", ["Id", "ContactId", "ChannelAccountId", "Address", "LastInboundAt", "IsBlocked"],
            Range(shape.Contacts, c => new object?[] { (long)c, (long)c, channel, (900_000_000L + c).ToString(System.Globalization.CultureInfo.InvariantCulture), now.AddDays(-random.Next(365)), false }));

        // Conversation k belongs to contact (k-1)/conversationsPerContact+1; the contact's last one is the current one.
        var lastAt = new DateTimeOffset[shape.Conversations + 1];
        string[] current = ["Open", "Open", "Open", "Pending", "Pending", "Snoozed", "Resolved"];
        await target.WriteAsync("Conversations",
            ["Id", "ContactId", "Status", "AssigneeId", "SourceChannelAccountId", "SourceDetails", "CreatedAt", "FirstResponseAt", "ResolvedAt",
             "LastMessageAt", "LastMessagePreview", "LastInboundAt", "UnreadCount", "SnoozedUntil", "HandedOffById", "ReturnBy", "HandOffComment",
             "IsTarget", "NotTargetReason", "IsDemo"],
            Range(shape.Conversations, k =>
            {
                var contact = (long)((k - 1) / conversationsPerContact) + 1;
                var isCurrent = k % conversationsPerContact == 0;
                var status = isCurrent ? current[random.Next(current.Length)] : "Resolved";
                var created = start.AddSeconds(random.NextDouble() * 360 * 86400);
                lastAt[k] = created.AddMinutes(perConversation * 7);
                long? assignee = random.Next(10) < 4 ? 1 : null;
                return new object?[] { (long)k, contact, status, assignee, channel, null, created, created.AddMinutes(3),
                    status == "Resolved" ? lastAt[k] : null, lastAt[k], "Добрый день, дополняю вопрос", lastAt[k], random.Next(3),
                    status == "Snoozed" ? now.AddDays(2) : null, null, null, null, null, null, false };
            }));

        var planted = SeedTexts.Topics.ToDictionary(t => t.Query, _ => new HashSet<long>());
        await target.WriteAsync("Messages",
            ["Id", "ConversationId", "ContactId", "Direction", "Kind", "Text", "Template", "ChannelAccountId", "ExternalId", "Status", "Error",
             "AuthorId", "SentAt", "CreatedAt", "EditedAt"],
            Range(shape.Messages, m =>
            {
                var k = (long)((m - 1) / perConversation) + 1;
                var j = (m - 1) % perConversation;
                var contact = ((k - 1) / conversationsPerContact) + 1;
                var at = lastAt[k].AddMinutes(-(perConversation - j) * 7);
                var inbound = j % 2 == 0;
                if (SeedTexts.TopicOf(m, inbound) is { } topic) planted[topic.Query].Add(m);
                return new object?[] { (long)m, k, contact, inbound ? "Inbound" : "Outbound", inbound && m % 33 == 0 ? "Media" : "Text",
                    SeedTexts.For(m, inbound), null, channel,
                    $"{900_000_000L + contact}:{m}", inbound ? "Received" : "Delivered", null, inbound ? null : 1L, inbound ? null : at, at, null };
            }));

        await target.WriteAsync("Attachments", ["Id", "MessageId", "FileName", "ContentType", "Size", "SourceRef", "StorageKey"],
            Range(shape.Messages / 66, a =>
            {
                var m = (long)a * 66; // inbound (even j) messages with m % 33 == 0 are Media
                return new object?[] { (long)a, m - 33 > 0 ? m - 33 : 33, "photo.jpg", "image/jpeg", 120_000L, "file" + a, $"seed/{a}.jpg" };
            }));
        await target.FinishAsync();
        return new Seeded(shape, channel, sw.Elapsed.TotalSeconds, planted);
    }

    private static IEnumerable<object?[]> Range(int count, Func<int, object?[]> row)
    {
        for (var i = 1; i <= count; i++) yield return row(i);
    }
}
