using System.Text.RegularExpressions;

namespace VisionEHalsa.Survey;

/// <summary>
/// Ids of questionnaires and rounds. They become parts of document ids joined by '|' and of URLs,
/// so they are kept to letters, digits, '.', '_' and '-'.
/// </summary>
public static partial class ResourceIds
{
    public const string Pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    public const string Rule = "Use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.";

    public static bool IsValid(string? id) => id is not null && IdRegex().IsMatch(id);

    [GeneratedRegex(Pattern)]
    private static partial Regex IdRegex();
}
