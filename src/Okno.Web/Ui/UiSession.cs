using Microsoft.AspNetCore.Components.Authorization;
using Okno.Web.Auth;

namespace Okno.Web.Ui;

/// <summary>Per circuit: who is signed in, the language, the browser's time zone, drafts and the sound toggle.</summary>
public sealed class UiSession(AuthenticationStateProvider auth, Okno.Core.Conversations.BusinessTime business)
{
    private readonly Dictionary<long, string> _drafts = [];
    private CurrentUser? _user;

    public string Lang { get; set; } = "ru";
    /// <summary>Minutes to add to UTC to get the browser's local time.</summary>
    public int OffsetMinutes { get; set; }
    public bool Sound { get; set; } = true;

    public Texts T => Texts.For(Lang);

    /// <summary>The administrator requires two-factor sign-in of this user's role and it is not on yet: only the profile opens.</summary>
    public bool MustEnrol { get; private set; }

    public async Task<CurrentUser> UserAsync()
    {
        if (_user is not null) return _user;
        var state = await auth.GetAuthenticationStateAsync();
        _user = CurrentUser.From(state.User);
        MustEnrol = CurrentUser.MustEnrol(state.User);
        return _user;
    }

    public string Draft(long conversationId) => _drafts.GetValueOrDefault(conversationId, "");

    public void SaveDraft(long conversationId, string text)
    {
        if (string.IsNullOrEmpty(text)) _drafts.Remove(conversationId);
        else _drafts[conversationId] = text;
    }

    public DateTimeOffset Local(DateTimeOffset utc) => utc.ToOffset(TimeSpan.FromMinutes(OffsetMinutes));

    /// <summary>A browser-local wall-clock time (from a datetime-local field) as an instant.</summary>
    public DateTimeOffset FromLocal(DateTime local) => new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.FromMinutes(OffsetMinutes));

    public string Time(DateTimeOffset utc, DateTimeOffset now)
    {
        var l = Local(utc);
        return Local(now).Date == l.Date ? l.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)
            : l.ToString("dd.MM.yy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A day, with the year: «Клиент с 01.12.2026».</summary>
    public string Date(DateTimeOffset utc) => Local(utc).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A deadline in the firm's time: «15:00», «завтра 09:00», «05.12 09:00» (English: "tomorrow").</summary>
    public string Business(DateTimeOffset utc, DateTimeOffset now) =>
        Lang == "en" ? business.Format(utc, now).Replace("завтра", "tomorrow", StringComparison.Ordinal) : business.Format(utc, now);

    /// <summary>Tomorrow at nine, firm's time: the «завтра 09:00» preset of hand-off and snooze.</summary>
    public DateTimeOffset TomorrowMorning(DateTimeOffset now) => business.Tomorrow(now);

    public string Ago(DateTimeOffset since, DateTimeOffset now)
    {
        var d = now - since;
        if (d < TimeSpan.FromMinutes(1)) return T["now"];
        if (d < TimeSpan.FromHours(1)) return $"{(int)d.TotalMinutes} {T["min"]}";
        if (d < TimeSpan.FromDays(1)) return $"{(int)d.TotalHours} {T["h"]}";
        return $"{(int)d.TotalDays} {T["d"]}";
    }
}
