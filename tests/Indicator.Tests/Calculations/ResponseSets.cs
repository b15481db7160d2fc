using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using VisionEHalsa.Contracts;

namespace VisionEHalsa.Indicator.Tests.Calculations;

public enum Tri
{
    Missing,
    Null,
    True,
    False,
}

public sealed record Organisation(string Id, string Lanskod, string? Kommungrupp)
{
    public OrganisationRef ToRef() => new(Id, $"Kommun {Id[7..]}", "kommun", Lanskod, $"Län {Lanskod}", Kommungrupp);
}

/// <summary>One response's answers as plain values: what the test recomputes from, without the expression language.</summary>
public sealed record Answers(Tri Plan, int? Antal, int? Digitala, string[]? Teknik, string? Trygg)
{
    public IReadOnlyDictionary<string, JsonElement> ToJson()
    {
        var answers = new Dictionary<string, object?>();
        if (Plan != Tri.Missing)
        {
            answers["DIGPLAN"] = Plan == Tri.Null ? null : Plan == Tri.True;
        }

        if (Antal is { } antal)
        {
            answers["ANTAL"] = antal;
        }

        if (Digitala is { } digitala)
        {
            answers["DIGITALA"] = digitala;
        }

        if (Teknik is { } teknik)
        {
            answers["TEKNIK"] = teknik;
        }

        if (Trygg is { } trygg)
        {
            answers["TRYGG"] = trygg;
        }

        return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(answers))!;
    }

    public override string ToString() => $"{Plan} {Antal} {Digitala} [{string.Join("|", Teknik ?? [])}] {Trygg}";
}

public sealed record Delivery(Organisation Organisation, int Version, Answers Answers)
{
    public ResponseSubmitted ToEvent(string roundId) =>
        new(roundId, "ehalsa", 2025, Organisation.ToRef(), Version, DateTimeOffset.UnixEpoch.AddDays(Version), Answers.ToJson());

    public override string ToString() => $"{Organisation.Id}@{Version}: {Answers}";
}

/// <summary>Every version of some organisations' responses, delivered twice in two random orders with random duplicates.</summary>
public sealed record ResponseSet(IReadOnlyList<Delivery> Versions, IReadOnlyList<Delivery> FirstArrival, IReadOnlyList<Delivery> SecondArrival)
{
    public IReadOnlyList<Delivery> Latest =>
        [.. Versions.GroupBy(d => d.Organisation.Id).Select(versions => versions.MaxBy(d => d.Version)!).OrderBy(d => d.Organisation.Id, StringComparer.Ordinal)];

    public override string ToString() => string.Join("; ", FirstArrival);
}

public static class ResponseSets
{
    public static readonly string[] Lans = ["01", "03", "12", "25"];
    public static readonly string?[] Groups = ["A1", "B3", "C8", null];
    public static readonly string[] Options = ["GPS-larm", "Nattkamera", "Robot"];

    public static Arbitrary<ResponseSet> Sets() => Set.ToArbitrary();

    private static readonly Gen<int?> Count =
        Gen.Frequency((1, Gen.Constant((int?)null)), (5, Gen.Choose(0, 40).Select(i => (int?)i)));

    private static readonly Gen<Answers> AnswerGen =
        from plan in Gen.Elements(Tri.Missing, Tri.Null, Tri.True, Tri.False)
        from antal in Count
        from digitala in Count
        from teknik in Gen.Frequency((1, Gen.Constant<string[]?>(null)), (3, Gen.SubListOf(Options).Select(o => (string[]?)[.. o])))
        from trygg in Gen.Elements<string?>(null, "Ja, alla", "Ja, några", "Nej")
        select new Answers(plan, antal, digitala, teknik, trygg);

    private static readonly Gen<Organisation> OrganisationGen =
        from number in Gen.Choose(1000, 1060)
        from lan in Gen.Elements(Lans)
        from kommungrupp in Gen.Elements(Groups)
        select new Organisation($"kommun:{number}", lan, kommungrupp);

    private static readonly Gen<ResponseSet> Set =
        from organisations in Gen.ListOf(OrganisationGen).Select(list => list.DistinctBy(o => o.Id).ToArray())
        from versions in Gen.CollectToArray(organisations, organisation =>
            from count in Gen.Choose(1, 3)
            from answers in Gen.ArrayOf(AnswerGen, count)
            select answers.Select((a, i) => new Delivery(organisation, i + 1, a)).ToArray())
        let all = versions.SelectMany(v => v).ToArray()
        from first in Arrival(all)
        from second in Arrival(all)
        select new ResponseSet(all, first, second);

    private static Gen<Delivery[]> Arrival(Delivery[] all) =>
        from duplicates in Gen.SubListOf(all)
        from order in Gen.Shuffle(all.Concat(duplicates))
        select order;
}
