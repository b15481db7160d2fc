using System.Collections.Concurrent;
using MassTransit;
using VisionEHalsa.Contracts;

namespace VisionEHalsa.Indicator.Tests.Service;

/// <summary>Tells a test when the service has consumed a given response version, even one that changes nothing visible.</summary>
public sealed class ConsumedResponses : IConsumeObserver
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _consumed = new(StringComparer.Ordinal);

    public Task WaitForAsync(ResponseSubmitted response, TimeSpan timeout) =>
        Completion(response).Task.WaitAsync(timeout);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is ResponseSubmitted response)
        {
            Completion(response).TrySetResult();
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    private TaskCompletionSource Completion(ResponseSubmitted response) =>
        _consumed.GetOrAdd($"{response.RoundId}|{response.Organisation.Id}|{response.Version}",
            _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
