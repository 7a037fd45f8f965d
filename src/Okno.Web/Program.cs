using Okno.Web.Audit;
using Okno.Web.Auth;
using Okno.Web.Channels;
using Okno.Web.Contacts;
using Okno.Web.Conversations;
using Okno.Web.Demo;
using Okno.Web.Desk;
using Okno.Web.Hosting;
using Okno.Web.Messages;
using Okno.Web.Operations;
using Okno.Web.Privacy;
using Okno.Web.Quality;
using Okno.Web.OutgoingWebhooks;
using Okno.Web.Realtime;
using Okno.Web.Reasons;
using Okno.Web.Scripts;
using Okno.Web.Retention;
using Okno.Web.Reviews;
using Okno.Web.Search;
using Okno.Web.Tokens;
using Okno.Web.TwoFactor;
using Okno.Web.Ui;
using Okno.Web.Users;
using Okno.Web.Webhooks;
using Okno.Web.Widget;

var builder = WebApplication.CreateBuilder(OknoStart.Options(args));

builder.UseStaticWebAssetsEverywhere();
builder.AddOknoHosting();
builder.AddOknoAuth();
builder.AddTwoFactor();
builder.AddRetention();
builder.AddPrivacy();
builder.AddAudit();
builder.AddChannels();
builder.AddRealtime();
builder.AddDemo();
builder.AddWidget();
builder.AddConversations();
builder.AddDesk();
builder.AddContacts();
builder.AddSearch();
builder.AddUsers();
builder.AddScripts();
builder.AddReasons();
builder.AddQuality();
builder.AddReviews();
builder.AddOutgoingWebhooks();
builder.AddOknoUi();
builder.AddOperations();

var app = builder.Build();

app.UseOknoHosting();
app.UseOknoAuth();

app.MapOperations();
app.MapAuth();
app.MapTwoFactor();
app.MapTokens();
app.MapRetention();
app.MapPrivacy();
app.MapAudit();
app.MapWebhooks();
app.MapChannels();
app.MapChannelPages();
app.MapConversations();
app.MapDesk();
app.MapContacts();
app.MapSearch();
app.MapAttachments();
app.MapUsers();
app.MapScripts();
app.MapReasons();
app.MapQuality();
app.MapReviews();
app.MapOutgoingWebhooks();
app.MapRealtime();
app.MapDemo();
app.MapWidget();
app.MapOknoUi();

app.PrintWelcomeOnStart();
return await app.RunOknoAsync(args);

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
