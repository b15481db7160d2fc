using System.Collections.Concurrent;
using MassTransit;
using VisionEHalsa.Contracts;

namespace VisionEHalsa.Operations.Tests;

/// <summary>
/// Stands in for a consumer deployed with a bug: it throws for the rounds whose defect is switched on,
/// and counts every attempt and every successful consumption per round.
/// </summary>
public sealed class RoundClosing
{
    private readonly ConcurrentDictionary<string, bool> _defective = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private readonly ConcurrentDictionary<string, int> _consumed = new();

    public void Break(string roundId) => _defective[roundId] = true;

    public void Fix(string roundId) => _defective.TryRemove(roundId, out _);

    public int Attempts(string roundId) => _attempts.GetValueOrDefault(roundId);

    public int Consumed(string roundId) => _consumed.GetValueOrDefault(roundId);

    internal void Consume(string roundId)
    {
        _attempts.AddOrUpdate(roundId, 1, (_, n) => n + 1);
        if (_defective.ContainsKey(roundId))
        {
            throw new InvalidOperationException($"Round {roundId} could not be closed\nwhile the defect is on");
        }

        _consumed.AddOrUpdate(roundId, 1, (_, n) => n + 1);
    }
}

public sealed class CloseRoundWhileDefective(RoundClosing closing) : IConsumer<SurveyRoundClosed>
{
    public Task Consume(ConsumeContext<SurveyRoundClosed> context)
    {
        closing.Consume(context.Message.RoundId);
        return Task.CompletedTask;
    }
}
