namespace VisionEHalsa.Strategy.Periods;

/// <summary>Validation faults by field path, with the checks every part of a period shares.</summary>
internal sealed class Faults
{
    private readonly Dictionary<string, List<string>> _faults = new(StringComparer.Ordinal);

    public void Add(string path, string message)
    {
        if (!_faults.TryGetValue(path, out var messages))
        {
            _faults[path] = messages = [];
        }

        messages.Add(message);
    }

    public void Text(string path, string? text, int maxLength, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                Add(path, "Required.");
            }
        }
        else if (text.Trim().Length > maxLength)
        {
            Add(path, $"At most {maxLength} characters.");
        }
    }

    /// <summary>True when the code is present and well-formed.</summary>
    public bool Code(string path, string? code)
    {
        if (code is not null && PeriodValidator.Code().IsMatch(code.Trim()))
        {
            return true;
        }

        Add(path, $"A code is 1-{PeriodLimits.CodeLength} letters, digits, '.', '_' or '-'.");
        return false;
    }

    public void Year(string path, int? year, bool required)
    {
        if (year is null)
        {
            if (required)
            {
                Add(path, "Required.");
            }
        }
        else if (year < PeriodLimits.FirstYear || year > PeriodLimits.LastYear)
        {
            Add(path, $"A year from {PeriodLimits.FirstYear} to {PeriodLimits.LastYear}.");
        }
    }

    /// <summary>True when the list is present and within its limit, so its items are worth checking.</summary>
    public bool List<T>(string path, IReadOnlyList<T>? list, int maxCount)
    {
        if (list is null)
        {
            Add(path, "Required (an empty list is allowed).");
            return false;
        }

        if (list.Count > maxCount)
        {
            Add(path, $"At most {maxCount} items.");
            return false;
        }

        return true;
    }

    public int Count => _faults.Count;

    public Dictionary<string, string[]> ToDictionary() => _faults.ToDictionary(f => f.Key, f => f.Value.ToArray(), StringComparer.Ordinal);
}
