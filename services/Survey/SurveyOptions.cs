namespace VisionEHalsa.Survey;

/// <summary>Settings of the survey service, bound from the section "Survey".</summary>
public sealed class SurveyOptions
{
    public const string SectionName = "Survey";

    /// <summary>Whether start-up stores the Vision e-hälsa questionnaire when it is missing.</summary>
    public bool SeedQuestionnaire { get; set; } = true;
}
