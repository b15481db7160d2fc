using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using VisionEHalsa.Gateway.Clients;
using VisionEHalsa.Gateway.Routing;
using VisionEHalsa.ServiceDefaults.Audit;
using VisionEHalsa.ServiceDefaults.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace VisionEHalsa.Gateway.Tokens;

/// <summary>
/// OAuth 2.0 client credentials (RFC 6749 §4.4) at <c>POST /connect/token</c>, by OpenIddict's server in degraded mode:
/// OpenIddict parses and answers the protocol and signs the token; the client store checks the credentials.
/// </summary>
public static class TokenEndpoint
{
    public const string Path = "/connect/token";

    /// <summary>What a client gets: the token, its type and its lifetime in seconds (OpenIddict writes it).</summary>
    public sealed record TokenResponse(string access_token, string token_type, int expires_in);

    public sealed record TokenError(string error, string error_description);

    public static WebApplicationBuilder AddTokenEndpoint(this WebApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        // No signing key (or an external issuer): this gateway issues no tokens, and /connect/token is not there.
        if (auth.UsesExternalIssuer || SigningKeys.LoadSigningKey(auth) is not { } key)
        {
            return builder;
        }

        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetTokenEndpointUris(Path.TrimStart('/'))
                .AllowClientCredentialsFlow()
                .EnableDegradedMode()
                .AddSigningKey(key)
                // Access tokens are plain signed JWTs the services verify with the public key; nothing else is encrypted with this key.
                .AddEphemeralEncryptionKey()
                .DisableAccessTokenEncryption()
                .SetAccessTokenLifetime(TimeSpan.FromMinutes(auth.TokenLifetimeMinutes));
            // TLS ends at the ingress in front of the gateway; the gateway itself listens on plain HTTP.
            server.UseAspNetCore().EnableTokenEndpointPassthrough().DisableTransportSecurityRequirement();

            // Degraded mode asks for a check of its own: the credentials must be there; the endpoint checks them after the rate limit.
            server.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (string.IsNullOrEmpty(context.ClientId) || string.IsNullOrEmpty(context.Request.ClientSecret))
                {
                    context.Reject(Errors.InvalidClient, "client_id and client_secret are required.");
                }

                return default;
            }));

            // OpenIddict names itself by a URI; the platform's tokens keep the issuer every service validates (Auth:Issuer).
            server.AddEventHandler<OpenIddictServerEvents.ProcessSignInContext>(handler => handler
                .UseInlineHandler(context =>
                {
                    context.AccessTokenPrincipal?.SetClaim(Claims.Private.Issuer, auth.Issuer);
                    return default;
                })
                .SetOrder(OpenIddictServerHandlers.PrepareAccessTokenPrincipal.Descriptor.Order + 1));
        });
        return builder;
    }

    public static void MapTokenEndpoint(this WebApplication app)
    {
        if (app.Services.GetService<IOpenIddictServerDispatcher>() is null)
        {
            return;
        }

        app.MapPost(Path, IssueAsync)
            .DisableAntiforgery()
            .AllowAnonymous()
            .RequireRateLimiting(EdgePolicies.TokenRateLimit)
            .WithMetadata(new NotAuditedAttribute())
            .WithName("IssueToken")
            .WithSummary("OAuth 2.0 client credentials: grant_type=client_credentials with client_id and client_secret (form or HTTP Basic).")
            .WithTags("Authentication")
            .Accepts<IDictionary<string, string>>("application/x-www-form-urlencoded")
            .Produces<TokenResponse>()
            .Produces<TokenError>(StatusCodes.Status400BadRequest)
            .Produces<TokenError>(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithRequestTimeout(EdgePolicies.DefaultTimeout);
    }

    public static async Task<IResult> IssueAsync(HttpContext context, ClientStore clients, AuthOptions auth, ILogger<TokenIssuing> logger, CancellationToken ct)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not parse the token request.");
        var client = await clients.AuthenticateAsync(request.ClientId!, request.ClientSecret!, ct);
        if (client is null)
        {
            logger.LogWarning("Token refused: unknown, disabled or wrong secret for client {ClientId}", request.ClientId);
            return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidClient,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "Unknown client or wrong secret.",
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, PlatformClaims.Subject, PlatformClaims.Role);
        identity.AddClaim(new Claim(PlatformClaims.Subject, client.Id));
        identity.AddClaim(new Claim(PlatformClaims.Role, client.Role));
        foreach (var organisation in client.OrganisationIds)
        {
            identity.AddClaim(new Claim(PlatformClaims.Organisation, organisation));
        }

        identity.SetDestinations(_ => [Destinations.AccessToken]);
        var principal = new ClaimsPrincipal(identity);
        principal.SetResources(auth.Audience);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The category the token endpoint logs under.</summary>
    public sealed class TokenIssuing;
}
