using VisionEHalsa.Survey.Organisations;
using VisionEHalsa.Survey.Responses;

namespace VisionEHalsa.Survey.Rounds;

/// <summary>
/// How far the round's population has come, overall, per län and per kommungrupp. <c>Drafts</c> counts the
/// organisations with a saved draft that have not submitted yet; <c>Responded</c> equals <c>Submitted</c> and stays for older clients.
/// </summary>
public sealed record Completeness(
    int Expected,
    int Submitted,
    int Drafts,
    int Responded,
    IReadOnlyList<LanCompleteness> ByLan,
    IReadOnlyList<KommungruppCompleteness> ByKommungrupp)
{
    public static Completeness Of(IReadOnlyCollection<Organisation> population, RoundProgress progress, IEnumerable<County> counties)
    {
        var byLan = counties
            .Select(county => (county, tally: Tally.Of(population.Where(o => o.Lanskod == county.Lanskod), progress)))
            .Where(lan => lan.tally.Expected > 0)
            .Select(lan => new LanCompleteness(lan.county.Lanskod, lan.county.Name, lan.tally.Expected, lan.tally.Submitted, lan.tally.Drafts, lan.tally.Submitted))
            .ToList();
        var byKommungrupp = population
            .Where(o => o.Kommungrupp is not null)
            .GroupBy(o => o.Kommungrupp!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (grupp: g.Key, tally: Tally.Of(g, progress)))
            .Select(g => new KommungruppCompleteness(g.grupp, g.tally.Expected, g.tally.Submitted, g.tally.Drafts, g.tally.Submitted))
            .ToList();
        var overall = Tally.Of(population, progress);
        return new Completeness(overall.Expected, overall.Submitted, overall.Drafts, overall.Submitted, byLan, byKommungrupp);
    }

    private readonly record struct Tally(int Expected, int Submitted, int Drafts)
    {
        public static Tally Of(IEnumerable<Organisation> organisations, RoundProgress progress)
        {
            var ids = organisations.Select(o => o.Id).ToList();
            return new Tally(ids.Count, ids.Count(progress.Submitted.Contains), ids.Count(progress.Drafting.Contains));
        }
    }
}

public sealed record LanCompleteness(string Lanskod, string Lan, int Expected, int Submitted, int Drafts, int Responded);

public sealed record KommungruppCompleteness(string Kommungrupp, int Expected, int Submitted, int Drafts, int Responded);

/// <summary>An organisation of the round's population that has not submitted; <c>HasDraft</c> when it has saved one.</summary>
public sealed record MissingOrganisation(string Id, string Name, string Lanskod, string Lan, string? Kommungrupp, bool HasDraft);

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
