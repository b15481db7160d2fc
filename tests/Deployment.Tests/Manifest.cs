namespace VisionEHalsa.Deployment.Tests;

/// <summary>The objects one overlay renders to.</summary>
public sealed class Manifest(string overlay, IReadOnlyList<JsonElement> objects)
{
    private static readonly Dictionary<string, Lazy<Manifest>> Rendered = new()
    {
        ["local"] = new(() => Render("local")),
        ["production"] = new(() => Render("production")),
    };

    public string Overlay => overlay;

    public IReadOnlyList<JsonElement> Objects => objects;

    public static TheoryData<string> Overlays() => [.. Rendered.Keys];

    /// <summary>k8s/overlays/{overlay} rendered once per test run.</summary>
    public static Manifest Of(string overlay) => Rendered[overlay].Value;

    public IEnumerable<JsonElement> OfKind(string kind) => objects.Where(o => o.Kind() == kind);

    public JsonElement? Find(string kind, string name) => OfKind(kind).Where(o => o.Name() == name).Cast<JsonElement?>().FirstOrDefault();

    public JsonElement Deployment(string process) =>
        Find("Deployment", process) ?? throw new Xunit.Sdk.XunitException($"{overlay}: no Deployment named {process}");

    /// <summary>The process's own container in its Deployment's pod.</summary>
    public static JsonElement Container(JsonElement deployment) =>
        deployment.Each("spec", "template", "spec", "containers").Single(c => c.Text("name") == deployment.Name());

    public static IReadOnlyDictionary<string, string> PodLabels(JsonElement workload) =>
        workload.Labels("spec", "template", "metadata", "labels");

    private static Manifest Render(string overlay)
    {
        var directory = Path.Combine(TestEnvironment.RepositoryRoot, "k8s", "overlays", overlay);
        return new Manifest(overlay, Kubectl.ToJson(Kubectl.Kustomize(directory)));
    }
}
