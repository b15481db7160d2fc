using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VisionEHalsa.Indicator.Tests.Service;

/// <summary>
/// A tiny stand-in for the survey service's questionnaire endpoint, on a free loopback port. Like the real
/// one it refuses callers without a token, so a definition only passes when the caller's token is forwarded.
/// </summary>
public sealed class FakeSurvey : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, object> _questionnaires = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public string Address { get; private set; } = string.Empty;

    public void Serve(string questionnaireId, params object[] questions) =>
        _questionnaires[questionnaireId] = new { id = questionnaireId, title = "Testenkät", population = "kommun", questions };

    public static object Question(string code, string type, params string[] options) =>
        options.Length == 0
            ? new { code, text = code, type, required = false }
            : new { code, text = code, type, required = false, options };

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/api/v1/questionnaires/{id}", (string id, HttpRequest request) =>
            request.Headers.Authorization.Count == 0 ? Results.Unauthorized()
            : _questionnaires.TryGetValue(id, out var questionnaire) ? Results.Json(questionnaire)
            : Results.NotFound());
        await _app.StartAsync();
        Address = _app.Urls.Single();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
