namespace VisionEHalsa.ServiceDefaults.Storage;

/// <summary>An equality query on top-level fields, with an optional order and limit.</summary>
public sealed record Query
{
    public IReadOnlyList<KeyValuePair<string, object?>> Conditions { get; init; } = [];

    public string? OrderBy { get; init; }

    public bool Descending { get; init; }

    public int? Limit { get; init; }

    public static Query All { get; } = new();

    public static Query Where(string field, object? value) => All.And(field, value);

    public Query And(string field, object? value) =>
        this with { Conditions = [.. Conditions, new(field, value)] };

    public Query OrderByAscending(string field) => this with { OrderBy = field, Descending = false };

    public Query OrderByDescending(string field) => this with { OrderBy = field, Descending = true };

    public Query Take(int limit) => this with { Limit = limit };
}
