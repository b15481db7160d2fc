using System.Net;
using System.Text.Json;
using VisionEHalsa.Indicator.Expressions;

namespace VisionEHalsa.Indicator.Definitions;

public sealed record QuestionnaireQuestions(string Id, IReadOnlyDictionary<string, QuestionSchema> Questions);

public sealed class SurveyUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Reads a questionnaire's questions from the survey service (named client "survey", base address
/// <c>Services:survey</c>) with the caller's own token, so the survey service decides what the caller may see.
/// </summary>
public sealed class SurveyQuestionnaires(IHttpClientFactory clients)
{
    public const string ClientName = "survey";

    /// <summary>The questionnaire's questions, or null when the survey service does not know it.</summary>
    public async Task<QuestionnaireQuestions?> FindAsync(string questionnaireId, string? authorization, CancellationToken ct)
    {
        var client = clients.CreateClient(ClientName);
        if (client.BaseAddress is null)
        {
            throw new SurveyUnavailableException("The survey service's address (Services:survey) is not configured.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/questionnaires/{Uri.EscapeDataString(questionnaireId)}");
        if (!string.IsNullOrEmpty(authorization))
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        try
        {
            using var response = await client.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new SurveyUnavailableException($"The survey service answered {(int)response.StatusCode} for questionnaire {questionnaireId}.");
            }

            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            return new QuestionnaireQuestions(questionnaireId, QuestionnaireJson.ReadQuestions(json.RootElement)
                ?? throw new SurveyUnavailableException("The survey service's questionnaire has no questions list."));
        }
        // Refused connections, timeouts after the resilience handler's retries, an open circuit, unreadable JSON.
        catch (Exception e) when (e is not SurveyUnavailableException && !ct.IsCancellationRequested)
        {
            throw new SurveyUnavailableException($"The survey service could not be asked for questionnaire {questionnaireId}: {e.GetType().Name}.", e);
        }
    }
}
