namespace VisionEHalsa.Indicator;

/// <summary>Settings of the indicator service, bound from the section "Indicator".</summary>
public sealed class IndicatorOptions
{
    public const string SectionName = "Indicator";

    /// <summary>Whether start-up stores the indicator catalogue of Vision e-hälsa 2025 when its codes are missing.</summary>
    public bool SeedCatalogue { get; set; } = true;
}
