using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace VisionEHalsa.ServiceDefaults.Auth;

public static class AuthExtensions
{
    /// <summary>
    /// Every service validates tokens itself (issuer, audience, signature, lifetime with no grace, a client that is
    /// not disabled), so a request that bypasses the gateway gets no further than one that passes it.
    /// </summary>
    public static IServiceCollection AddPlatformAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(options);
        services.AddRevocationList(configuration, options);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidAudience = options.Audience,
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                ClockSkew = TimeSpan.Zero,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                RoleClaimType = PlatformClaims.Role,
                NameClaimType = PlatformClaims.Subject,
            };
            if (options.UsesExternalIssuer)
            {
                // Issuer and signing keys come from the issuer's discovery document and are refreshed as it rotates them.
                jwt.Authority = options.Authority;
                jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
            }
            else
            {
                // No key configured: every token fails validation, so every protected endpoint answers 401.
                jwt.TokenValidationParameters.ValidIssuer = options.Issuer;
                jwt.TokenValidationParameters.IssuerSigningKeys = SigningKeys.LoadVerificationKeys(options);
            }

            jwt.Events = new JwtBearerEvents { OnTokenValidated = RefuseDisabledClientsAsync };
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(PlatformPolicies.Authenticated, p => p.RequireRole(PlatformRoles.All))
            .AddPolicy(PlatformPolicies.Kansli, p => p.RequireRole(PlatformRoles.Kansli, PlatformRoles.Admin))
            .AddPolicy(PlatformPolicies.Operations, p => p.RequireRole(PlatformRoles.Operator, PlatformRoles.Kansli, PlatformRoles.Admin))
            .AddPolicy(PlatformPolicies.Admin, p => p.RequireRole(PlatformRoles.Admin));
        return services;
    }

    private static async Task RefuseDisabledClientsAsync(TokenValidatedContext context)
    {
        if (context.Principal?.FindFirst(PlatformClaims.Subject)?.Value is not { Length: > 0 } client)
        {
            context.Fail("The token names no client (sub).");
            return;
        }

        var revoked = context.HttpContext.RequestServices.GetRequiredService<IRevokedClients>();
        if (await revoked.IsRevokedAsync(client, context.HttpContext.RequestAborted))
        {
            context.Fail("The token's client has been disabled.");
        }
    }

    /// <summary>
    /// A service polls the gateway's list of disabled clients (<c>Auth:RevocationListUrl</c>, else
    /// <c>Services:gateway</c>); a process with neither refuses no client for being disabled. The gateway registers its own.
    /// </summary>
    private static void AddRevocationList(this IServiceCollection services, IConfiguration configuration, AuthOptions options)
    {
        var source = options.RevocationListUrl is { Length: > 0 } url ? url
            : configuration["Services:gateway"] is { Length: > 0 } gateway ? gateway.TrimEnd('/') + RevokedClientList.Path
            : null;
        if (source is null || !Uri.TryCreate(source, UriKind.Absolute, out var uri))
        {
            services.TryAddSingleton<IRevokedClients, NoRevokedClients>();
            return;
        }

        var refresh = TimeSpan.FromSeconds(Math.Clamp(options.RevocationRefreshSeconds, 1, 60));
        services.AddSingleton(provider => new RevocationList(uri, refresh, provider.GetRequiredService<ILogger<RevocationList>>()));
        services.AddHostedService(provider => provider.GetRequiredService<RevocationList>());
        services.TryAddSingleton<IRevokedClients>(provider => provider.GetRequiredService<RevocationList>());
    }
}
