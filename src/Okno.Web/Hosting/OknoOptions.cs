namespace Okno.Web.Hosting;

/// <summary>The "Okno" configuration section.</summary>
public sealed class OknoOptions
{
    /// <summary>Folder for the SQLite file, attachments and Data Protection keys.</summary>
    public string DataPath { get; set; } = "data";
    /// <summary>The address platforms reach this server at, for webhook URLs (e.g. https://okno.firm.ru).</summary>
    public string? PublicUrl { get; set; }
    public BootstrapOptions Bootstrap { get; set; } = new();
    public bool Demo { get; set; }
}

public sealed class BootstrapOptions
{
    public string AdminEmail { get; set; } = "admin@okno.local";
    public string? AdminPassword { get; set; }
    public string? ApiToken { get; set; }
}
