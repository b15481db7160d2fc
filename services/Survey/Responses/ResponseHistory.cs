using System.Text.Json;

namespace VisionEHalsa.Survey.Responses;

/// <summary>How one answer changed from the version before: null stands for "not answered".</summary>
public sealed record AnswerChange(JsonElement? From, JsonElement? To);

/// <summary>One version in an organisation's history: who sent it, when, and which answers it changed.</summary>
public sealed record ResponseVersionSummary(
    int Version,
    ResponseStatus Status,
    DateTimeOffset ReceivedAt,
    string SubmittedBy,
    IReadOnlyDictionary<string, AnswerChange> Changes);

public static class ResponseHistory
{
    /// <summary>The versions in order, each compared with the one before it (the first with no answers at all).</summary>
    public static List<ResponseVersionSummary> Of(IReadOnlyList<ResponseVersion> versions)
    {
        var summaries = new List<ResponseVersionSummary>(versions.Count);
        IReadOnlyDictionary<string, JsonElement> before = new Dictionary<string, JsonElement>();
        foreach (var version in versions.OrderBy(v => v.Version))
        {
            summaries.Add(new(version.Version, version.Status, version.ReceivedAt, version.SubmittedBy, Changes(before, version.Answers)));
            before = version.Answers;
        }

        return summaries;
    }

    public static Dictionary<string, AnswerChange> Changes(IReadOnlyDictionary<string, JsonElement> before, IReadOnlyDictionary<string, JsonElement> after)
    {
        var changes = new Dictionary<string, AnswerChange>(StringComparer.Ordinal);
        foreach (var code in before.Keys.Union(after.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            JsonElement? from = before.TryGetValue(code, out var f) ? f : null;
            JsonElement? to = after.TryGetValue(code, out var t) ? t : null;
            if (from is not { } a || to is not { } b || !JsonElement.DeepEquals(a, b))
            {
                changes[code] = new AnswerChange(from, to);
            }
        }

        return changes;
    }
}
