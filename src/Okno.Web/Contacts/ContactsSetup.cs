namespace Okno.Web.Contacts;

public static class ContactsSetup
{
    public static void AddContacts(this WebApplicationBuilder builder) => builder.Services.AddScoped<ContactSearch>();
}
