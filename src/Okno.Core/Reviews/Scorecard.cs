using System.Text.Json;

namespace Okno.Core.Reviews;

/// <summary>
/// The admin's scorecard (one row): the criteria a reviewer scores 1..5 («Приветствие», «Полнота ответа», …) and how
/// many requests per operator per week the review queue samples.
/// </summary>
public sealed class Scorecard
{
    public const int SingletonId = 1;
    public const int MaxCriteria = 20;
    public const int MaxCriterionLength = 100;
    public const int DefaultSample = 3;
    public const int MaxSample = 50;
    public static readonly IReadOnlyList<string> DefaultCriteria = ["Приветствие", "Полнота ответа", "Вежливость", "Соблюдение сроков"];

    private Scorecard() { }

    public static Scorecard Default() => new() { Id = SingletonId, CriteriaJson = JsonSerializer.Serialize(DefaultCriteria), SamplePerOperator = DefaultSample };

    public int Id { get; private set; }
    public string CriteriaJson { get; private set; } = "[]";
    public int SamplePerOperator { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }

    public IReadOnlyList<string> Criteria => JsonSerializer.Deserialize<List<string>>(CriteriaJson) ?? [];

    public void Change(IEnumerable<string> criteria, int samplePerOperator, DateTimeOffset now)
    {
        var list = criteria.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count == 0) throw new DomainException("Нужен хотя бы один критерий.");
        if (list.Count > MaxCriteria) throw new DomainException($"Не больше {MaxCriteria} критериев.");
        if (list.FirstOrDefault(c => c.Length > MaxCriterionLength) is { } tooLong) throw new DomainException($"Критерий длиннее {MaxCriterionLength} символов: «{tooLong[..40]}…».");
        if (samplePerOperator is < 0 or > MaxSample) throw new DomainException($"Выборка на оператора в неделю — от 0 до {MaxSample}.");
        CriteriaJson = JsonSerializer.Serialize(list);
        SamplePerOperator = samplePerOperator;
        UpdatedAt = now;
    }

    /// <summary>The criterion as the scorecard spells it, matched without regard to case; null when there is none.</summary>
    public string? Find(string name) => Criteria.FirstOrDefault(c => string.Equals(c, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
