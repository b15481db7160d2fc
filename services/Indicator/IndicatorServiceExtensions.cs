using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VisionEHalsa.Indicator.Answers;
using VisionEHalsa.Indicator.Calculations;
using VisionEHalsa.Indicator.Consumers;
using VisionEHalsa.Indicator.Definitions;
using VisionEHalsa.ServiceDefaults.Messaging;

namespace VisionEHalsa.Indicator;

public static class IndicatorServiceExtensions
{
    /// <summary>The indicator service's stores, the survey client, the recalculator and the outbox of its events.</summary>
    public static WebApplicationBuilder AddIndicators(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<RecalculationOptions>(builder.Configuration.GetSection("Recalculation"));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DefinitionStore>();
        services.AddSingleton<AnswerStore>();
        services.AddSingleton<RoundStates>();
        services.AddSingleton<CalculationStore>();
        services.AddSingleton<RecalculationSignal>();
        services.AddSingleton<IndicatorDefinitions>();
        services.AddSingleton<SurveyQuestionnaires>();
        services.AddHttpClient(SurveyQuestionnaires.ClientName, (provider, client) =>
        {
            if (provider.GetRequiredService<IConfiguration>()["Services:survey"] is { Length: > 0 } address)
            {
                client.BaseAddress = new Uri(address);
            }
        });
        services.AddOutboxRelay<CalculationDocument>(CalculationStore.CollectionName, calculation => calculation.ToEvent());
        services.AddHostedService<Recalculator>();
        return builder;
    }

    public static void AddIndicatorConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<RecalculateOnResponseSubmitted>();
        bus.AddConsumer<RememberRoundOnSurveyRoundOpened>();
        bus.AddConsumer<RecalculateOnSurveyRoundClosed>();
    }

    public static WebApplication MapIndicatorEndpoints(this WebApplication app)
    {
        app.MapGroup("/api/v1/indicators")
            .WithTags("Indicators")
            .MapDefinitionEndpoints()
            .MapValueEndpoints();
        return app;
    }
}
