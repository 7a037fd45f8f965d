namespace Okno.Web.Hosting;

/// <summary>A start-up problem a person can fix: what is wrong and which setting fixes it, in Russian and English.</summary>
public sealed class StartupException(string setting, string russian, string english, Exception? inner = null)
    : Exception($"{russian} Настройка: {setting}. / {english} Setting: {setting}.", inner)
{
    public string Setting { get; } = setting;
}
