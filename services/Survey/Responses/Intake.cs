using Microsoft.AspNetCore.Http.HttpResults;
using VisionEHalsa.Survey.Organisations;
using VisionEHalsa.Survey.Questionnaires;

namespace VisionEHalsa.Survey.Responses;

/// <summary>Whether this client may answer for this organisation in this round; a refusal carries its HTTP status.</summary>
public abstract record Admission
{
    public sealed record Admitted(Organisation Organisation) : Admission;

    public sealed record Refused(int StatusCode, string Detail) : Admission
    {
        public ProblemHttpResult ToProblem() => StatusCode switch
        {
            StatusCodes.Status403Forbidden => SurveyProblems.Forbidden(Detail),
            StatusCodes.Status404NotFound => SurveyProblems.NotFound(Detail),
            StatusCodes.Status409Conflict => SurveyProblems.Conflict(Detail),
            _ => SurveyProblems.Unprocessable(Detail),
        };
    }
}

/// <summary>What became of one response, from a PUT or from a row of an import.</summary>
public abstract record Intake
{
    public sealed record Stored(ResponseVersion Response) : Intake;

    /// <summary>Checked and acceptable, but not stored: a dry run.</summary>
    public sealed record Acceptable : Intake;

    public sealed record Refused(Admission.Refused Refusal) : Intake;

    public sealed record Invalid(Dictionary<string, List<AnswerProblem>> Problems) : Intake;
}
