namespace Okno.Web.Conversations;

public static class ConversationsSetup
{
    public static void AddConversations(this WebApplicationBuilder builder) => builder.Services.AddScoped<ConversationActions>();
}
