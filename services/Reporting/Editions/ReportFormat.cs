using System.Globalization;

namespace VisionEHalsa.Reporting.Editions;

public sealed record ReportFormat(string Extension, string ContentType)
{
    public static ReportFormat Pdf { get; } = new("pdf", "application/pdf");

    public static ReportFormat Xlsx { get; } = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    public static ReportFormat Html { get; } = new("html", "text/html; charset=utf-8");

    public static ReportFormat Csv { get; } = new("csv", "text/csv; charset=utf-8");

    public static IReadOnlyList<ReportFormat> All { get; } = [Pdf, Xlsx, Html, Csv];

    /// <summary>
    /// Rendered when an edition is made: together about 30 ms. PDF and XLSX take ten times that, so they are rendered
    /// after the edition is stored, for the newest edition of a year or when somebody asks (decision 0014).
    /// </summary>
    public static IReadOnlyList<ReportFormat> WithTheEdition { get; } = [Html, Csv];

    public static IReadOnlyList<ReportFormat> AfterTheEdition { get; } = [Pdf, Xlsx];

    public string FileName(int year, int edition) =>
        string.Create(CultureInfo.InvariantCulture, $"vision-ehalsa-{year}-utgava-{edition}.{Extension}");
}
