namespace VisionEHalsa.Deployment.Tests;

public sealed record DockerInstruction(string Keyword, IReadOnlyList<string> Flags, IReadOnlyList<string> Arguments);

/// <summary>One FROM and what follows it.</summary>
public sealed record DockerStage(string BaseImage, string? Name, IReadOnlyList<DockerInstruction> Instructions)
{
    public IEnumerable<DockerInstruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);
}

/// <summary>
/// Enough of the Dockerfile syntax for these checks: comments, line continuations, stages, flags and
/// arguments (exec-form JSON arrays included). No heredocs: the platform's Dockerfiles use none.
/// </summary>
public static class Dockerfile
{
    public static IReadOnlyList<DockerStage> Parse(string text)
    {
        var stages = new List<DockerStage>();
        List<DockerInstruction>? current = null;
        foreach (var line in LogicalLines(text))
        {
            var words = Words(line);
            var keyword = words[0].ToUpperInvariant();
            var flags = words.Skip(1).TakeWhile(w => w.StartsWith("--", StringComparison.Ordinal)).ToList();
            var arguments = words.Skip(1 + flags.Count).ToList();
            if (keyword == "FROM")
            {
                current = [];
                var name = arguments.Count >= 3 && arguments[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? arguments[2] : null;
                stages.Add(new DockerStage(arguments[0], name, current));
            }
            else
            {
                (current ?? throw new FormatException($"'{line}' comes before the first FROM")).Add(new DockerInstruction(keyword, flags, arguments));
            }
        }

        return stages;
    }

    public static IReadOnlyList<DockerStage> Read(string relativePath) =>
        Parse(File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, relativePath)));

    private static IEnumerable<string> LogicalLines(string text)
    {
        var pending = string.Empty;
        foreach (var raw in text.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            yield return pending + line;
            pending = string.Empty;
        }
    }

    private static List<string> Words(string line)
    {
        var space = line.IndexOf(' ');
        if (space < 0)
        {
            return [line];
        }

        var rest = line[(space + 1)..].Trim();
        var flags = new List<string>();
        while (rest.StartsWith("--", StringComparison.Ordinal))
        {
            var end = rest.IndexOf(' ');
            flags.Add(end < 0 ? rest : rest[..end]);
            rest = end < 0 ? string.Empty : rest[(end + 1)..].TrimStart();
        }

        var arguments = rest.StartsWith('[')
            ? JsonSerializer.Deserialize<List<string>>(rest)!
            : rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        return [line[..space], .. flags, .. arguments];
    }
}
