using System.Globalization;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Okno.Core.Channels;

namespace Okno.Channels.Email;

public sealed partial class EmailConnector
{
    /// <summary>IDLE is renewed before servers (Gmail ~10 min, RFC 2177 30 min) drop it.</summary>
    public static readonly TimeSpan IdleRenewal = TimeSpan.FromMinutes(9);
    /// <summary>The first connection imports this much history, not the whole mailbox.</summary>
    public static readonly TimeSpan FirstImportWindow = TimeSpan.FromDays(7);
    public const int Batch = 20;
    public const string CursorKey = "imap:cursor";

    public bool WantsPolling(ChannelContext channel) => true;

    /// <summary>
    /// Keeps one IMAP connection: imports letters above the durable (UIDVALIDITY, last UID) cursor, then waits in IDLE.
    /// The cursor moves only after the sink committed the letters, so a crash re-reads them and Message-IDs make that a no-op.
    /// </summary>
    public async Task PollAsync(ChannelContext channel, IInboundSink sink, IChannelStateStore state, CancellationToken ct)
    {
        var settings = EmailSettings.From(channel);
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                using var client = new ImapClient { Timeout = (int)NetworkTimeout.TotalMilliseconds };
                await ConnectImapAsync(client, settings, ct);
                var folder = await client.GetFolderAsync(settings.Folder, ct);
                await folder.OpenAsync(FolderAccess.ReadOnly, ct);
                if (failures > 0) await ReportStatusAsync(channel, sink, ChannelStatus.Connected, null, ct);
                failures = 0;
                await WatchAsync(channel, client, folder, sink, state, ct);
            }
            catch (AuthenticationException)
            {
                failures++;
                await ReportStatusAsync(channel, sink, ChannelStatus.NeedsAttention, "Почтовый сервер не принял логин или пароль IMAP.", ct);
                await Task.Delay(Backoff(failures, TimeSpan.FromMinutes(5)), clock, ct);
            }
            catch (Exception ex) when (IsConnectionProblem(ex) && !ct.IsCancellationRequested)
            {
                failures++;
                log.LogWarning("IMAP connection of channel {ChannelId} failed ({Error}), attempt {Attempt}", channel.Id, ex.GetType().Name, failures);
                if (failures == 5) await ReportStatusAsync(channel, sink, ChannelStatus.Disconnected, "Нет связи с почтовым сервером (IMAP).", ct);
                await Task.Delay(Backoff(failures, TimeSpan.FromMinutes(2)), clock, ct);
            }
        }
    }

    private async Task WatchAsync(ChannelContext channel, ImapClient client, IMailFolder folder, IInboundSink sink, IChannelStateStore state, CancellationToken ct)
    {
        var settings = EmailSettings.From(channel);
        var news = new NewsFlag();
        // Subscribed for the whole connection: an EXISTS that arrives with any response (even during the import)
        // is remembered, so a letter landing between the import and IDLE is never left waiting for the next renewal.
        folder.CountChanged += news.Raise;
        folder.UidValidityChanged += news.Raise;
        try
        {
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                news.Reset();
                await ImportAsync(channel, folder, settings, sink, state, ct);
                if (news.IsRaised) continue;
                if (client.Capabilities.HasFlag(ImapCapabilities.Idle))
                {
                    using var done = new CancellationTokenSource(IdleRenewal, clock);
                    news.Attach(done);
                    try { await client.IdleAsync(done.Token, ct); }
                    finally { news.Attach(null); }
                }
                else
                {
                    await Task.Delay(settings.PollInterval, clock, ct);
                    await client.NoOpAsync(ct);
                }
            }
        }
        finally
        {
            folder.CountChanged -= news.Raise;
            folder.UidValidityChanged -= news.Raise;
        }
    }

    /// <summary>"The mailbox changed": set from MailKit's event handlers, where no IMAP command may be issued; it only ends IDLE.</summary>
    private sealed class NewsFlag
    {
        private readonly Lock _gate = new();
        private bool _raised;
        private CancellationTokenSource? _idle;

        public bool IsRaised { get { lock (_gate) return _raised; } }

        public void Reset() { lock (_gate) _raised = false; }

        public void Attach(CancellationTokenSource? idle)
        {
            lock (_gate)
            {
                _idle = idle;
                if (_raised) idle?.Cancel();
            }
        }

        public void Raise(object? sender, EventArgs e)
        {
            lock (_gate)
            {
                _raised = true;
                _idle?.Cancel();
            }
        }
    }

    private async Task ImportAsync(ChannelContext channel, IMailFolder folder, EmailSettings settings, IInboundSink sink, IChannelStateStore state, CancellationToken ct)
    {
        var cursor = Cursor.Parse(await state.GetAsync(channel.Id, CursorKey, ct));
        var uidValidity = folder.UidValidity;
        IList<UniqueId> uids;
        if (cursor is { } c && c.UidValidity == uidValidity)
        {
            uids = await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId(uidValidity, c.LastUid + 1), UniqueId.MaxValue)), ct);
            uids = uids.Where(u => u.Id > c.LastUid).ToList(); // "n:*" always matches the newest letter
        }
        else
        {
            // First connection, or the server renumbered the mailbox (UIDVALIDITY changed): import a recent window;
            // letters already imported are recognised by Message-ID and skipped by the core.
            var since = (cursor is null ? clock.GetUtcNow() - FirstImportWindow : clock.GetUtcNow() - TimeSpan.FromDays(30)).UtcDateTime.Date;
            uids = await folder.SearchAsync(SearchQuery.DeliveredAfter(since.AddDays(-1)), ct);
            if (uids.Count == 0)
            {
                var last = folder.UidNext is { } n && n.Id > 0 ? n.Id - 1 : 0;
                await state.SetAsync(channel.Id, CursorKey, new Cursor(uidValidity, last).ToString(), ct);
                return;
            }
        }

        foreach (var chunk in uids.OrderBy(u => u.Id).Chunk(Batch))
        {
            var letters = new List<EmailLetter>();
            foreach (var uid in chunk)
                if (await ReadLetterAsync(folder, uidValidity, uid, settings, ct) is { } letter) letters.Add(letter);
            // Subjects first: an operator may answer the moment the letter is committed, and the reply's
            // "Re:" subject is read from here (a re-read after a failed commit just writes it again).
            foreach (var letter in letters.Where(l => l.ReplySubject is not null && l.Event.Sender is not null && !l.Event.Quiet))
                await state.SetAsync(channel.Id, SubjectKey(letter.Event.Sender!.ReplyAddress), letter.ReplySubject!, ct);
            await sink.AcceptAsync(channel.Id, letters.Select(l => l.Event).ToList(), ct);
            // Committed: only now does the cursor move past these letters.
            await state.SetAsync(channel.Id, CursorKey, new Cursor(uidValidity, chunk[^1].Id).ToString(), ct);
        }
    }

    private async Task<EmailLetter?> ReadLetterAsync(IMailFolder folder, uint uidValidity, UniqueId uid, EmailSettings settings, CancellationToken ct)
    {
        var message = await folder.GetMessageAsync(uid, ct);
        try
        {
            return EmailParser.Parse(message, uidValidity, uid.Id, settings.FromAddress, settings.TrustedAuthServId);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            log.LogWarning("Letter {Uid} could not be parsed ({Error}); skipped", uid.Id, ex.GetType().Name);
            return null;
        }
    }

    private async Task ReportStatusAsync(ChannelContext channel, IInboundSink sink, ChannelStatus status, string? reason, CancellationToken ct)
    {
        try
        {
            await sink.AcceptAsync(channel.Id, [new InboundEvent { Kind = InboundEventKind.ChannelState, ChannelStatus = status, StatusReason = reason, Timestamp = clock.GetUtcNow() }], ct);
        }
        catch (InvalidOperationException) { /* the channel was deleted meanwhile */ }
    }

    private static async Task ConnectImapAsync(ImapClient client, EmailSettings s, CancellationToken ct)
    {
        await client.ConnectAsync(s.ImapHost, s.ImapPort, s.ImapTls, ct);
        await client.AuthenticateAsync(s.ImapUser, s.ImapPassword, ct);
    }

    private static bool IsConnectionProblem(Exception ex) => ex is IOException or SocketException or ImapProtocolException or ImapCommandException
        or ServiceNotConnectedException or ServiceNotAuthenticatedException or SslHandshakeException or FolderNotFoundException or TimeoutException
        or OperationCanceledException;

    private static TimeSpan Backoff(int failures, TimeSpan max) =>
        TimeSpan.FromSeconds(Math.Min(max.TotalSeconds, Math.Pow(2, Math.Min(failures, 10))));

    internal static string SubjectKey(string address) =>
        "subject:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(address.Trim().ToLowerInvariant())))[..40];

    private sealed record Cursor(uint UidValidity, uint LastUid)
    {
        public static Cursor? Parse(string? value)
        {
            var parts = value?.Split(':');
            return parts is [var uv, var last] && uint.TryParse(uv, CultureInfo.InvariantCulture, out var u) && uint.TryParse(last, CultureInfo.InvariantCulture, out var l)
                ? new Cursor(u, l) : null;
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{UidValidity}:{LastUid}");
    }
}
