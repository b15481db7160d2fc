namespace VisionEHalsa.ServiceDefaults.Audit;

/// <summary>
/// One write that reached an endpoint: who (client, role, organisations), what (method, route, resource), when, the
/// trace and the outcome. Never the body, the query or a header: no answers, secrets or tokens end up here.
/// </summary>
/// <param name="Route">The endpoint's route template, e.g. <c>/api/v1/rounds/{roundId}/responses/{organisationId}</c>.</param>
/// <param name="ResourceId">The route's values in template order joined by <c>/</c>, e.g. <c>demo-2025/kommun:0180</c>;
/// for a create with no route values, the <c>Location</c> it answered.</param>
public sealed record AuditEntry(
    string Id,
    string Service,
    DateTimeOffset At,
    string ClientId,
    string? Role,
    IReadOnlyList<string> Organisations,
    string Method,
    string Route,
    string? ResourceId,
    int Status,
    string? TraceId);

/// <summary>Settings of the audit log.</summary>
public sealed class AuditOptions
{
    /// <summary>Whether <c>GET /api/v1/audit</c> serves this process's own log; the gateway serves every process's instead.</summary>
    public bool MapListEndpoint { get; set; } = true;
}

/// <summary>On an endpoint whose writes are recorded elsewhere (the gateway's proxied routes: the services record them).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;
