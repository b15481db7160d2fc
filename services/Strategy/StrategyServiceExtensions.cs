using VisionEHalsa.ServiceDefaults.Messaging;
using VisionEHalsa.Strategy.Seed;
using VisionEHalsa.Strategy.Versions;

namespace VisionEHalsa.Strategy;

public static class StrategyServiceExtensions
{
    /// <summary>The versioned strategy, its seed and the relay that publishes every version as <c>StrategyChanged</c>.</summary>
    public static WebApplicationBuilder AddStrategy(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<StrategyVersions>();
        builder.Services.AddHostedService<StrategySeeder>();
        builder.Services.AddOutboxRelay<StrategyVersion>(StrategyVersions.CollectionName, v => v.ToEvent());
        return builder;
    }

    public static WebApplication MapStrategyEndpoints(this WebApplication app)
    {
        app.MapGroup("/api/v1/strategy").WithTags("Strategy").MapStrategy();
        return app;
    }
}
