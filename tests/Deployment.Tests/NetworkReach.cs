namespace VisionEHalsa.Deployment.Tests;

/// <summary>
/// Whether the network policies of a manifest let pods with one set of labels open a connection to pods with
/// another, in this namespace, on a port: the client's egress (unrestricted when no egress policy selects it) and the
/// server's ingress (unrestricted when no ingress policy selects it) must both allow it.
/// </summary>
public static class NetworkReach
{
    public static bool Allows(Manifest manifest, IReadOnlyDictionary<string, string> client, IReadOnlyDictionary<string, string> server, string port) =>
        Opens(manifest, "Egress", client, "egress", "to", server, port) && Opens(manifest, "Ingress", server, "ingress", "from", client, port);

    private static bool Opens(Manifest manifest, string type, IReadOnlyDictionary<string, string> selected, string rules, string peers,
        IReadOnlyDictionary<string, string> other, string port)
    {
        var policies = manifest.OfKind("NetworkPolicy")
            .Where(p => p.Each("spec", "policyTypes").Any(t => t.GetString() == type) && LabelSelector.Matches(p.At("spec", "podSelector"), selected))
            .ToList();
        return policies.Count == 0 || policies.SelectMany(p => p.Each("spec", rules)).Any(rule =>
            (!rule.Each(peers).Any() || rule.Each(peers).Any(peer => peer.At("namespaceSelector") is null && peer.At("ipBlock") is null
                && LabelSelector.Matches(peer.At("podSelector"), other)))
            && (!rule.Each("ports").Any() || rule.Each("ports").Any(p => p.Text("port") == port)));
    }
}
