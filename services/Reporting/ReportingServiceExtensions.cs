using MassTransit;
using VisionEHalsa.Reporting.Consumers;
using VisionEHalsa.Reporting.Editions;
using VisionEHalsa.Reporting.Inputs;
using VisionEHalsa.Reporting.Pipeline;
using VisionEHalsa.Reporting.Regeneration;
using VisionEHalsa.ServiceDefaults.Messaging;

namespace VisionEHalsa.Reporting;

public static class ReportingServiceExtensions
{
    public static IBusRegistrationConfigurator AddReportingConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<RegenerateReportOnIndicatorsRecalculated>().Endpoint(LargeMessages.OneAtATime);
        bus.AddConsumer<RegenerateReportOnStrategyChanged>();
        bus.AddConsumer<RememberRoundOnSurveyRoundOpened>();
        bus.AddConsumer<TrackPipelineOnResponseSubmitted>(c => c.Options<BatchOptions>(TrackPipelineOnResponseSubmitted.Options))
            .Endpoint(e => e.PrefetchCount = TrackPipelineOnResponseSubmitted.Prefetch);
        bus.AddConsumer<TrackPipelineOnIndicatorsRecalculated>().Endpoint(LargeMessages.OneAtATime);
        return bus;
    }

    /// <summary>
    /// The stored inputs (latest calculation per round, newest strategy, what each round expects), the durable list of years to
    /// regenerate, the regenerator, and the relay that announces every edition as <c>ReportGenerated</c>.
    /// </summary>
    public static WebApplicationBuilder AddReporting(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<Calculations>();
        builder.Services.AddSingleton<Strategies>();
        builder.Services.AddSingleton<Rounds>();
        builder.Services.AddSingleton<ReportYears>();
        builder.Services.AddSingleton<ReportEditions>();
        builder.Services.AddSingleton<EditionFiles>();
        builder.Services.AddSingleton<RegenerationSignal>();
        builder.Services.AddSingleton<EditionGenerator>();
        builder.Services.AddSingleton<PipelineTrail>();
        builder.Services.AddHostedService<ReportRegenerator>();
        builder.Services.AddOutboxRelay<ReportEdition>(ReportEditions.CollectionName, e => e.ToEvent());
        return builder;
    }

    public static WebApplication MapReportEndpoints(this WebApplication app)
    {
        app.MapGroup("/api/v1/reports").WithTags("Reports").MapEditions();
        app.MapGroup("/api/v1/pipeline").WithTags("Pipeline").MapPipeline();
        return app;
    }
}
