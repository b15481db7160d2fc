using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VisionEHalsa.ServiceDefaults.Auth;
using VisionEHalsa.ServiceDefaults.Messaging;
using VisionEHalsa.Survey.Organisations;
using VisionEHalsa.Survey.Questionnaires;
using VisionEHalsa.Survey.Responses;
using VisionEHalsa.Survey.Responses.Import;
using VisionEHalsa.Survey.Rounds;

namespace VisionEHalsa.Survey;

public static class SurveyServiceExtensions
{
    /// <summary>The organisation registry, the stores, response intake and the two outbox relays.</summary>
    public static WebApplicationBuilder AddSurvey(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<SurveyOptions>(builder.Configuration.GetSection(SurveyOptions.SectionName));
        services.AddSingleton(OrganisationRegistry.LoadEmbedded());
        services.AddSingleton<QuestionnaireStore>();
        services.AddSingleton<RoundStore>();
        services.AddSingleton<RoundViews>();
        services.AddSingleton<ResponseStore>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<ResponseIntake>();
        services.AddSingleton<ResponseReading>();
        services.AddSingleton<ResponseImport>();
        services.AddHostedService<SurveyIndexes>();
        services.AddHostedService<QuestionnaireSeed>();
        services.AddOutboxRelay<ResponseVersion>(ResponseStore.CollectionName, r => r.ToEvent());
        services.AddOutboxRelay<RoundEvent>(RoundStore.EventCollectionName, e => e.ToEvent());

        // Malformed JSON reaches the shared exception handler, which answers 400 naming where the body broke.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }

    public static WebApplication MapSurveyEndpoints(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapOrganisationEndpoints();
        api.MapQuestionnaireEndpoints();
        api.MapRoundEndpoints();
        api.MapResponseEndpoints();
        api.MapImportEndpoints();
        return app;
    }
}

/// <summary>Indexes the fields the stores query by, before the first request.</summary>
internal sealed class SurveyIndexes(QuestionnaireStore questionnaires, ResponseStore responses) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await questionnaires.EnsureIndexesAsync(cancellationToken);
        await responses.EnsureIndexesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
