namespace Okno.Core.Channels;

/// <summary>How a channel setting is written and checked. Wire names: string, number, boolean, url, list.</summary>
public enum SettingType
{
    String,
    Number,
    Boolean,
    Url,
    List,
}
