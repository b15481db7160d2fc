using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VisionEHalsa.Indicator.Answers;
using VisionEHalsa.Indicator.Calculations;
using VisionEHalsa.Indicator.Consumers;
using VisionEHalsa.Indicator.Definitions;
using VisionEHalsa.Indicator.ReferenceData;
using VisionEHalsa.Indicator.Series;
using VisionEHalsa.ServiceDefaults.Messaging;

namespace VisionEHalsa.Indicator;

public static class IndicatorServiceExtensions
{
    /// <summary>The indicator service's stores, the survey client, the seeded catalogue, the recalculator and the outbox of its events.</summary>
    public static WebApplicationBuilder AddIndicators(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<RecalculationOptions>(builder.Configuration.GetSection("Recalculation"));
        services.Configure<IndicatorOptions>(builder.Configuration.GetSection(IndicatorOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DefinitionStore>();
        services.AddSingleton<AnswerStore>();
        services.AddSingleton<RoundStates>();
        services.AddSingleton<CalculationStore>();
        services.AddSingleton<RecalculationSignal>();
        services.AddSingleton<IndicatorDefinitions>();

        // Read at start-up, so a broken reference file stops the service rather than a request.
        services.AddSingleton(NationalValues.LoadEmbedded());
        services.AddSingleton<SurveyQuestionnaires>();
        services.AddHttpClient(SurveyQuestionnaires.ClientName, (provider, client) =>
        {
            if (provider.GetRequiredService<IConfiguration>()["Services:survey"] is { Length: > 0 } address)
            {
                client.BaseAddress = new Uri(address);
            }
        });
        services.AddOutboxRelay<CalculationDocument>(CalculationStore.CollectionName, calculation => calculation.ToEvent(), LargeMessages.RelayBatch);
        // Registered before the recalculator: hosted services start in order, and the catalogue must be there first.
        services.AddHostedService<CatalogueSeed>();
        services.AddHostedService<Recalculator>();
        return builder;
    }

    public static void AddIndicatorConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<RecalculateOnResponseSubmitted>(c => c.Options<BatchOptions>(RecalculateOnResponseSubmitted.Options))
            .Endpoint(e => e.PrefetchCount = RecalculateOnResponseSubmitted.Prefetch);
        bus.AddConsumer<RememberRoundOnSurveyRoundOpened>();
        bus.AddConsumer<RecalculateOnSurveyRoundClosed>();
    }

    public static WebApplication MapIndicatorEndpoints(this WebApplication app)
    {
        app.MapGroup("/api/v1/indicators")
            .WithTags("Indicators")
            .MapDefinitionEndpoints()
            .MapValueEndpoints()
            .MapSeriesEndpoints();
        return app;
    }
}
