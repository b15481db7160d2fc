namespace VisionEHalsa.Survey.Responses.Import;

public static class ImportLimits
{
    /// <summary>Rows of answers per file: far more than the 311 organisations, few enough to answer within a request.</summary>
    public const int MaxRows = 10_000;

    public const long MaxBytes = 20 * 1024 * 1024;

    public const int MaxColumns = 600;
}

/// <summary>
/// A spreadsheet as read from CSV or XLSX: the header and the rows that hold anything, each with its row number
/// as a spreadsheet shows it (the header is row 1). CSV cells are strings; XLSX cells may be numbers, booleans or dates.
/// </summary>
public sealed record ImportTable(IReadOnlyList<string> Header, IReadOnlyList<ImportRow> Rows);

public sealed record ImportRow(int Number, IReadOnlyList<object?> Cells)
{
    public object? Cell(int column) => column < Cells.Count ? Cells[column] : null;

    public static bool IsBlank(object? cell) => cell is null || (cell is string text && string.IsNullOrWhiteSpace(text));
}

/// <summary>The file as a whole cannot be read or does not fit the round; nothing of it is stored.</summary>
public sealed class ImportFileException(string message, IReadOnlyList<string>? faults = null) : Exception(message)
{
    public IReadOnlyList<string> Faults { get; } = faults ?? [message];
}

/// <summary>Collects the non-blank rows of a file, stopping once there are more than an import accepts.</summary>
internal sealed class RowCollector
{
    // One row more than allowed, plus the optional row of question texts, is enough to know the file is too long.
    private const int Enough = ImportLimits.MaxRows + 2;

    private readonly List<ImportRow> _rows = [];
    private IReadOnlyList<string>? _header;

    public bool IsFull => _rows.Count >= Enough;

    public void Add(int number, IReadOnlyList<object?> cells)
    {
        if (cells.Count > ImportLimits.MaxColumns)
        {
            throw new ImportFileException($"Row {number} has {cells.Count} columns; at most {ImportLimits.MaxColumns} are read.");
        }

        if (_header is null)
        {
            _header = cells.Select(c => Text(c).Trim().TrimStart('\uFEFF')).ToList();
        }
        else if (!cells.All(ImportRow.IsBlank))
        {
            _rows.Add(new ImportRow(number, cells));
        }
    }

    public ImportTable ToTable() =>
        _header is { } header && header.Any(h => h.Length > 0)
            ? new ImportTable(header, _rows)
            : throw new ImportFileException("The file is empty: its first row must name the columns (organisationId or kommunkod, then question codes).");

    public static string Text(object? cell) => cell switch
    {
        null => string.Empty,
        string text => text,
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? string.Empty,
    };
}
