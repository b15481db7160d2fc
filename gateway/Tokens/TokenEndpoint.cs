using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;
using VisionEHalsa.Gateway.Routing;
using VisionEHalsa.ServiceDefaults.Auth;

namespace VisionEHalsa.Gateway.Tokens;

/// <summary>OAuth 2.0 client credentials (RFC 6749 §4.4): <c>POST /connect/token</c>.</summary>
public static class TokenEndpoint
{
    public sealed record TokenResponse(string access_token, string token_type, int expires_in);

    public sealed record TokenError(string error, string error_description);

    public static WebApplicationBuilder AddTokenEndpoint(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => ClientRegistry.FromFile(builder.Configuration["Auth:ClientsFile"]));
        builder.Services.AddSingleton(sp => new TokenIssuer(sp.GetRequiredService<AuthOptions>()));
        return builder;
    }

    public static void MapTokenEndpoint(this WebApplication app) =>
        app.MapPost("/connect/token", IssueAsync)
            .DisableAntiforgery()
            .AllowAnonymous()
            .RequireRateLimiting(EdgePolicies.TokenRateLimit)
            .WithName("IssueToken")
            .WithTags("Authentication");

    public static async Task<Results<Ok<TokenResponse>, BadRequest<TokenError>, UnauthorizedHttpResult, JsonHttpResult<TokenError>>> IssueAsync(
        HttpRequest request, ClientRegistry clients, TokenIssuer issuer)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.BadRequest(new TokenError("invalid_request", "Send application/x-www-form-urlencoded with grant_type=client_credentials."));
        }

        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials")
        {
            return TypedResults.BadRequest(new TokenError("unsupported_grant_type", "Only grant_type=client_credentials is supported."));
        }

        var (clientId, secret) = Credentials(request, form);
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(secret))
        {
            return TypedResults.BadRequest(new TokenError("invalid_request", "client_id and client_secret are required."));
        }

        var client = clients.Authenticate(clientId, secret);
        if (client is null || !issuer.CanIssue)
        {
            return TypedResults.Json(new TokenError("invalid_client", "Unknown client or wrong secret."), statusCode: StatusCodes.Status401Unauthorized);
        }

        var token = issuer.Issue(client);
        return TypedResults.Ok(new TokenResponse(token.AccessToken, "Bearer", token.ExpiresIn));
    }

    private static (string? Id, string? Secret) Credentials(HttpRequest request, IFormCollection form)
    {
        // RFC 6749 allows the credentials in the form or as HTTP Basic.
        if (request.Headers.Authorization is StringValues header && header.ToString() is { } value &&
            value.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value[6..].Trim()));
                var parts = decoded.Split(':', 2);
                if (parts.Length == 2)
                {
                    return (Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1]));
                }
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }

        return (form["client_id"], form["client_secret"]);
    }
}
