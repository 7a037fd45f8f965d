namespace Okno.Tests.Ui;

/// <summary>The browser test classes run one after another (each still has its own app and browser).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}
