using VisionEHalsa.Survey.Organisations;

namespace VisionEHalsa.Survey.Rounds;

/// <summary>How many of the round's population have responded, overall and per län.</summary>
public sealed record Completeness(int Expected, int Responded, IReadOnlyList<LanCompleteness> ByLan)
{
    public static Completeness Of(IReadOnlyCollection<Organisation> population, IReadOnlySet<string> respondedIds, IEnumerable<County> counties)
    {
        var byLan = counties
            .Select(county => new LanCompleteness(
                county.Lanskod,
                county.Name,
                population.Count(o => o.Lanskod == county.Lanskod),
                population.Count(o => o.Lanskod == county.Lanskod && respondedIds.Contains(o.Id))))
            .Where(lan => lan.Expected > 0)
            .ToList();
        return new Completeness(population.Count, byLan.Sum(l => l.Responded), byLan);
    }
}

public sealed record LanCompleteness(string Lanskod, string Lan, int Expected, int Responded);

public sealed record RoundView(
    string Id,
    string QuestionnaireId,
    int QuestionnaireVersion,
    int Year,
    string Population,
    RoundStatus Status,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosedAt,
    Completeness Completeness)
{
    public static RoundView Of(Round round, Completeness completeness) => new(
        round.Id, round.QuestionnaireId, round.QuestionnaireVersion, round.Year, round.Population, round.Status,
        round.OpensAt, round.ClosesAt, round.OpenedAt, round.ClosedAt, completeness);
}
