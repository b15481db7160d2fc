using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using VisionEHalsa.ServiceDefaults.Storage;

namespace VisionEHalsa.ServiceDefaults.Http;

/// <summary>
/// Turns request faults (malformed JSON, wrong types, oversized bodies) into 4xx problem details that
/// name the fault. A store that cannot write is a 503 the client may retry (nothing of the request was kept).
/// Anything else is a 500 with no details: never a stack trace.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (413, "Request body too large", "The request body is larger than this endpoint accepts."),
            BadHttpRequestException { InnerException: JsonException json } =>
                (400, "Malformed JSON", Describe(json)),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
            JsonException json => (400, "Malformed JSON", Describe(json)),
            StoreUnavailableException => (503, "Store unavailable",
                "Nothing was stored: the service cannot write to its store at the moment. Send the same request again shortly."),
            _ => (500, "Internal error", "The request could not be completed. It has been logged with its trace id."),
        };

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
            Exception = exception,
        });
    }

    private static string Describe(JsonException json)
    {
        var where = json.Path is { Length: > 0 } path ? $" at {path}" : string.Empty;
        var line = json.LineNumber is { } l ? $" (line {l + 1}, position {json.BytePositionInLine})" : string.Empty;
        return $"The request body is not valid JSON for this endpoint{where}{line}.";
    }
}
