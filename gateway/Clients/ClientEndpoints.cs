using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using VisionEHalsa.Gateway.Routing;
using VisionEHalsa.ServiceDefaults.Auth;

namespace VisionEHalsa.Gateway.Clients;

/// <summary>What an admin sends to create a client. Anything else in the body (a secret, a hash, <c>disabled</c>) is ignored.</summary>
public sealed record CreateClient(string? ClientId, string? Role, IReadOnlyList<string>? OrganisationIds);

/// <summary>The admins' management of clients. Secrets are shown once, in the answer that created them.</summary>
public static class ClientEndpoints
{
    public static WebApplication MapClientEndpoints(this WebApplication app)
    {
        var clients = app.MapGroup("/api/v1/clients")
            .RequireAuthorization(PlatformPolicies.Admin)
            .RequireRateLimiting(EdgePolicies.ClientRateLimit)
            .WithTags("Clients")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        clients.WithRequestTimeout(EdgePolicies.DefaultTimeout);

        clients.MapPost("", CreateAsync)
            .WithName("CreateClient")
            .WithSummary("Creates a client with a generated secret, shown only in this answer. A partner names the organisations it acts for.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        clients.MapGet("", ListAsync)
            .WithName("ListClients")
            .WithSummary("Every client with its role, organisations and state; never a secret.");
        clients.MapGet("/{id}", GetAsync)
            .WithName("GetClient")
            .WithSummary("One client; never its secret.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        clients.MapPost("/{id}/rotate-secret", RotateSecretAsync)
            .WithName("RotateClientSecret")
            .WithSummary("Gives the client a new generated secret, shown only in this answer; the old secret stops working at once. Tokens already issued run out within 15 minutes.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        clients.MapPost("/{id}/disable", DisableAsync)
            .WithName("DisableClient")
            .WithSummary("Disables the client for good: it gets no token, and the tokens it holds are refused at the gateway and every service within seconds.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Results<Created<ClientCredentials>, ProblemHttpResult>> CreateAsync(
        CreateClient request, ClaimsPrincipal user, HttpResponse response, ClientStore store, CancellationToken ct)
    {
        var faults = ClientRules.Check(request.ClientId, request.Role, request.OrganisationIds);
        if (faults.Count > 0 || request.Role is not { } role)
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(faults)
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The client was not created; correct every field listed.",
            });
        }

        var created = await store.CreateAsync(request.ClientId, role, request.OrganisationIds ?? [], user.ClientId(), ct);
        if (created is not var (client, secret))
        {
            return TypedResults.Problem($"Client '{request.ClientId}' already exists.", statusCode: StatusCodes.Status409Conflict, title: "Conflict");
        }

        response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/v1/clients/{client.Id}", new ClientCredentials(client.Id, secret, client.Role, client.OrganisationIds));
    }

    public static async Task<Ok<IReadOnlyList<ClientView>>> ListAsync(ClientStore store, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<ClientView>>([.. (await store.ListAsync(ct)).Select(c => c.ToView())]);

    public static async Task<Results<Ok<ClientView>, ProblemHttpResult>> GetAsync(string id, ClientStore store, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } client ? TypedResults.Ok(client.ToView()) : Unknown(id);

    public static async Task<Results<Ok<ClientCredentials>, ProblemHttpResult>> RotateSecretAsync(
        string id, ClaimsPrincipal user, HttpResponse response, ClientStore store, CancellationToken ct)
    {
        var (change, secret) = await store.RotateSecretAsync(id, user.ClientId(), ct);
        if (change is ClientChange.Done { Client: var client } && secret is not null)
        {
            response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(new ClientCredentials(client.Id, secret, client.Role, client.OrganisationIds));
        }

        return Problem(id, change);
    }

    public static async Task<Results<Ok<ClientView>, ProblemHttpResult>> DisableAsync(
        string id, ClaimsPrincipal user, ClientStore store, CancellationToken ct)
    {
        if (id == user.ClientId())
        {
            // An admin locking itself out would leave nobody to undo it.
            return TypedResults.Problem("A client cannot disable itself; ask another admin.", statusCode: StatusCodes.Status409Conflict, title: "Conflict");
        }

        var change = await store.DisableAsync(id, user.ClientId(), ct);
        return change is ClientChange.Done { Client: var client } ? TypedResults.Ok(client.ToView()) : Problem(id, change);
    }

    private static ProblemHttpResult Problem(string id, ClientChange change) => change switch
    {
        ClientChange.Refused refused => TypedResults.Problem(refused.Reason, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
        _ => Unknown(id),
    };

    private static ProblemHttpResult Unknown(string id) =>
        TypedResults.Problem($"There is no client '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown client");
}
