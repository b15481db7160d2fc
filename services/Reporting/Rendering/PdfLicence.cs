using PdfSharp;

namespace VisionEHalsa.Reporting.Rendering;

/// <summary>Settings bound from the <c>Reporting</c> section.</summary>
public sealed class ReportingOptions
{
    /// <summary>
    /// A commercial PDFsharp licence key. Without one the service runs PDFsharp under the AGPL, which
    /// extends to the service itself when it is offered over a network.
    /// </summary>
    public string? PdfSharpLicenseKey { get; set; }
}

/// <summary>
/// PDFsharp 6.5 refuses to create documents until the process chooses its licence: the free AGPL or a
/// commercial key. Chosen once, at start-up, so a bad key stops the service at once instead of failing every edition.
/// </summary>
public static class PdfLicence
{
    private static readonly Lock Gate = new();

    public static void Apply(ReportingOptions options)
    {
        lock (Gate)
        {
            if (string.IsNullOrWhiteSpace(options.PdfSharpLicenseKey))
            {
                PdfSharpLicense.SetAgplLicense();
            }
            else
            {
                PdfSharpLicense.LoadLicense(options.PdfSharpLicenseKey);
            }
        }
    }
}
