namespace Okno.Bench.Load;

/// <summary>What a webhook of the mix stands for.</summary>
public enum ShotKind
{
    NewClient,
    Returning,
    Photo,
    Edit,
    Receipt,
    Redelivery,
}
