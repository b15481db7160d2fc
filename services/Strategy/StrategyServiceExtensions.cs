using MassTransit;
using VisionEHalsa.ServiceDefaults.Messaging;
using VisionEHalsa.Strategy.Consumers;
using VisionEHalsa.Strategy.Indicators;
using VisionEHalsa.Strategy.Periods;
using VisionEHalsa.Strategy.Seed;
using VisionEHalsa.Strategy.Targets;
using VisionEHalsa.Strategy.Versions;

namespace VisionEHalsa.Strategy;

public static class StrategyServiceExtensions
{
    /// <summary>
    /// The versioned strategy, its seed, the relay that publishes every version as <c>StrategyChanged</c>, and the
    /// indicator values that target statuses are computed from.
    /// </summary>
    public static WebApplicationBuilder AddStrategy(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<StrategyVersions>();
        builder.Services.AddSingleton<IndicatorValues>();
        builder.Services.AddHostedService<StrategySeeder>();
        builder.Services.AddOutboxRelay<StrategyVersion>(StrategyVersions.CollectionName, v => v.ToEvent());
        return builder;
    }

    public static void AddStrategyConsumers(this IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<KeepIndicatorValuesOnIndicatorsRecalculated>().Endpoint(LargeMessages.OneAtATime);

    public static WebApplication MapStrategyEndpoints(this WebApplication app)
    {
        app.MapGroup("/api/v1/strategy")
            .WithTags("Strategy")
            .MapStrategy()
            .MapPeriodEndpoints()
            .MapTargetStatusEndpoints();
        return app;
    }
}
