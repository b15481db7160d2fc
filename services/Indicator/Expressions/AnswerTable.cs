using System.Text.Json;

namespace VisionEHalsa.Indicator.Expressions;

public enum AnswerKind : byte
{
    Missing,
    True,
    False,
    Number,
    String,
    List,
    Other,
}

/// <summary>
/// The answers of many organisations to the questions some expressions use, decoded once per question into
/// columns. Evaluating an expression over every organisation then reads arrays, not JSON, and allocates nothing.
/// </summary>
public sealed class AnswerTable
{
    private readonly Dictionary<string, AnswerColumn> _columns;

    private AnswerTable(int rows, Dictionary<string, AnswerColumn> columns) => (Rows, _columns) = (rows, columns);

    public int Rows { get; }

    /// <summary>The column of a question the table was decoded for.</summary>
    public AnswerColumn Column(string code) =>
        _columns.TryGetValue(code, out var column) ? column : throw new InvalidOperationException($"The answers were not decoded for {code}.");

    /// <summary>Row by row, so each organisation's answers are read while they are in the cache.</summary>
    public static AnswerTable Decode(IReadOnlyList<IReadOnlyDictionary<string, JsonElement>> rows, ExpressionNeeds needs)
    {
        var codes = needs.Literals.Keys.ToArray();
        var columns = needs.Literals.Values.Select(literals => new AnswerColumn(literals, rows.Count)).ToArray();
        for (var row = 0; row < rows.Count; row++)
        {
            var answers = rows[row];
            for (var c = 0; c < codes.Length; c++)
            {
                columns[c].Set(row, answers.TryGetValue(codes[c], out var answer) ? answer : default);
            }
        }

        return new AnswerTable(rows.Count, codes.Zip(columns).ToDictionary(c => c.First, c => c.Second, StringComparer.Ordinal));
    }
}

/// <summary>
/// One question's answers. A string answer is kept as the index of the literal it equals (-1: none of them),
/// a list answer as a bit per literal it contains, so comparing never allocates a string.
/// </summary>
public sealed class AnswerColumn
{
    /// <summary>Literals beyond this many are looked up in the list itself, which is slower but rare.</summary>
    private const int MaskedLiterals = 64;

    public AnswerColumn(IReadOnlyList<string> literals, int rows)
    {
        Literals = literals;
        Kinds = new AnswerKind[rows];
        Numbers = new double[rows];
        Symbols = literals.Count == 0 ? [] : new int[rows];
        Chosen = literals.Count == 0 ? [] : new ulong[rows];
        Lists = literals.Count > MaskedLiterals ? new JsonElement[rows] : null;
    }

    public IReadOnlyList<string> Literals { get; }

    public AnswerKind[] Kinds { get; }

    /// <summary>The number answered, NaN when the answer is not a number.</summary>
    public double[] Numbers { get; }

    public int[] Symbols { get; }

    public ulong[] Chosen { get; }

    public JsonElement[]? Lists { get; }

    public int IndexOf(string literal)
    {
        for (var i = 0; i < Literals.Count; i++)
        {
            if (string.Equals(Literals[i], literal, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether row <paramref name="row"/> is a list holding the literal at <paramref name="index"/>.</summary>
    public bool Contains(int row, int index)
    {
        if (Kinds[row] != AnswerKind.List || index < 0)
        {
            return false;
        }

        if (index < MaskedLiterals)
        {
            return (Chosen[row] & (1UL << index)) != 0;
        }

        foreach (var element in Lists![row].EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.String && element.ValueEquals(Literals[index]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Decodes one organisation's answer; <c>default</c> (no answer) and JSON null are both missing.</summary>
    public void Set(int row, JsonElement answer)
    {
        Numbers[row] = double.NaN;
        switch (answer.ValueKind)
        {
            case JsonValueKind.True:
                Kinds[row] = AnswerKind.True;
                break;
            case JsonValueKind.False:
                Kinds[row] = AnswerKind.False;
                break;
            case JsonValueKind.Number:
                Kinds[row] = AnswerKind.Number;
                Numbers[row] = answer.TryGetDouble(out var number) && double.IsFinite(number) ? number : double.NaN;
                break;
            case JsonValueKind.String:
                Kinds[row] = AnswerKind.String;
                DecodeString(row, answer);
                break;
            case JsonValueKind.Array:
                Kinds[row] = AnswerKind.List;
                DecodeList(row, answer);
                break;
            case JsonValueKind.Object:
                Kinds[row] = AnswerKind.Other;
                break;
        }
    }

    private void DecodeString(int row, JsonElement answer)
    {
        if (Symbols.Length == 0)
        {
            return;
        }

        Symbols[row] = -1;
        for (var i = 0; i < Literals.Count; i++)
        {
            if (answer.ValueEquals(Literals[i]))
            {
                Symbols[row] = i;
                return;
            }
        }
    }

    private void DecodeList(int row, JsonElement answer)
    {
        if (Chosen.Length == 0)
        {
            return;
        }

        if (Lists is not null)
        {
            Lists[row] = answer;
        }

        foreach (var element in answer.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            for (var i = 0; i < Math.Min(Literals.Count, MaskedLiterals); i++)
            {
                if (element.ValueEquals(Literals[i]))
                {
                    Chosen[row] |= 1UL << i;
                }
            }
        }
    }
}
