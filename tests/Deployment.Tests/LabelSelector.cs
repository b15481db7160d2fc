namespace VisionEHalsa.Deployment.Tests;

/// <summary>Kubernetes label selectors (matchLabels and matchExpressions), as NetworkPolicies and PDBs apply them.</summary>
public static class LabelSelector
{
    public static bool Matches(JsonElement? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is not { } s)
        {
            return false;
        }

        var byLabels = s.Fields("matchLabels").All(l => labels.TryGetValue(l.Name, out var value) && value == l.Value.GetString());
        var byExpressions = s.Each("matchExpressions").All(e =>
        {
            var key = e.Text("key")!;
            var values = e.Each("values").Select(v => v.GetString()).ToList();
            var has = labels.TryGetValue(key, out var value);
            return e.Text("operator") switch
            {
                "In" => has && values.Contains(value),
                "NotIn" => !has || !values.Contains(value),
                "Exists" => has,
                "DoesNotExist" => !has,
                var other => throw new NotSupportedException($"selector operator {other}"),
            };
        });
        return byLabels && byExpressions;
    }
}
