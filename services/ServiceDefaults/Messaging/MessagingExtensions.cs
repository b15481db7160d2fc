using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using VisionEHalsa.ServiceDefaults.Operations;

namespace VisionEHalsa.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    public const string DefaultRabbitUri = "amqp://guest:guest@localhost:5672/";

    /// <summary>
    /// MassTransit 8 on RabbitMQ. Queues are prefixed with the service name; a message that still
    /// fails after the retries is recorded in the service's <c>failures</c> and goes to its <c>_error</c>
    /// queue; operators list and replay it at <c>/api/v1/ops/failures</c>.
    /// </summary>
    public static IServiceCollection AddPlatformMessaging(
        this IServiceCollection services,
        IConfiguration configuration,
        string serviceName,
        Action<IBusRegistrationConfigurator>? configure = null)
    {
        var uri = new Uri(configuration["RABBITMQ_URI"] ?? DefaultRabbitUri);
        // The service's name prefixes its queues; a test host gets a prefix of its own so that hosts of the
        // same service in one test run each receive every event instead of competing for them.
        var queuePrefix = configuration["Messaging:QueuePrefix"] ?? serviceName;
        var temporaryQueues = configuration.GetValue("Messaging:TemporaryQueues", false);
        services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            // Start even when the broker is down: the bus keeps reconnecting and readiness says so.
            o.WaitUntilStarted = false;
            o.StopTimeout = TimeSpan.FromSeconds(20);
        });

        services.TryAddSingleton(sp => new FailureLog(serviceName, sp, sp.GetRequiredService<ILogger<FailureLog>>()));
        services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(queuePrefix, false));
            x.AddConfigureEndpointsCallback((context, queue, endpoint) =>
            {
                endpoint.UseMessageRetry(r => r.Intervals(100, 500, 1000, 2000, 5000));
                endpoint.RecordFailures(context, queue);
                if (temporaryQueues && endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.AutoDelete = true;
                    rabbit.Durable = false;
                }
            });
            x.AddConsumeObserver<ConsumerLagObserver>();
            configure?.Invoke(x);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(uri, h =>
                {
                    var (user, password) = Credentials(uri);
                    h.Username(user);
                    h.Password(password);
                    h.PublisherConfirmation = true;
                    h.Heartbeat(TimeSpan.FromSeconds(10));
                });
                cfg.ConfigureEndpoints(context);
            });
        });

        return services;
    }

    private static (string User, string Password) Credentials(Uri uri)
    {
        var parts = uri.UserInfo.Split(':', 2);
        return parts.Length == 2 && parts[0].Length > 0
            ? (Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1]))
            : ("guest", "guest");
    }
}
