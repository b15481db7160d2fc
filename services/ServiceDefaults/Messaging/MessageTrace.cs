using System.Diagnostics;
using MassTransit;

namespace VisionEHalsa.ServiceDefaults.Messaging;

/// <summary>
/// The trace a message was sent in. A batch consumer runs under one span for many messages, so it reads each
/// message's own trace context from the header MassTransit carries it in.
/// </summary>
public static class MessageTrace
{
    private const string Header = "MT-Activity-Id";

    public static ActivityContext Of(ConsumeContext message) =>
        ActivityContext.TryParse(message.Headers.Get<string>(Header), null, out var context) ? context : default;
}
