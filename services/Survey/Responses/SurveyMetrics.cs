using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http.HttpResults;
using VisionEHalsa.ServiceDefaults.Telemetry;

namespace VisionEHalsa.Survey.Responses;

/// <summary>Responses accepted and rejected, with the status that says why, for operators' dashboards.</summary>
public static class SurveyMetrics
{
    private static readonly Counter<long> Accepted = PlatformMetrics.Meter.CreateCounter<long>(
        "platform.responses.accepted", description: "Responses stored with a receipt");

    private static readonly Counter<long> Rejected = PlatformMetrics.Meter.CreateCounter<long>(
        "platform.responses.rejected", description: "Responses refused with a problem the client can act on");

    public static void Record(IResult result)
    {
        switch (result)
        {
            case Ok<ResponseReceipt>:
                Accepted.Add(1);
                break;
            case ProblemHttpResult problem:
                Rejected.Add(1, new KeyValuePair<string, object?>("status", problem.StatusCode));
                break;
        }
    }
}
