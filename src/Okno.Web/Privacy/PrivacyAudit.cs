namespace Okno.Web.Privacy;

/// <summary>The audit actions of data-subject requests (docs/decisions/0024); exports use the shared <c>export</c> action.</summary>
public static class PrivacyAudit
{
    public const string Erase = "contact.erase";
    public const string ConsentWithdrawn = "consent.withdraw";
}
