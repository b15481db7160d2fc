using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace VisionEHalsa.ServiceDefaults.Auth;

/// <summary>Settings bound from the <c>Auth</c> section, the same in every process.</summary>
public sealed class AuthOptions
{
    public string Issuer { get; set; } = "vision-ehalsa";

    public string Audience { get; set; } = "vision-ehalsa-api";

    /// <summary>PEM file with the public key tokens are verified with.</summary>
    public string? PublicKeyPath { get; set; }

    /// <summary>PEM file with the private key the gateway signs tokens with (gateway only).</summary>
    public string? SigningKeyPath { get; set; }

    public int TokenLifetimeMinutes { get; set; } = 15;
}

public static class AuthExtensions
{
    /// <summary>
    /// Every service validates tokens itself (issuer, audience, signature, lifetime with no grace), so
    /// a request that bypasses the gateway gets no further than one that passes it.
    /// </summary>
    public static IServiceCollection AddPlatformAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(options);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                IssuerSigningKey = LoadVerificationKey(options),
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                ClockSkew = TimeSpan.Zero,
                RoleClaimType = PlatformClaims.Role,
                NameClaimType = PlatformClaims.Subject,
            };
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(PlatformPolicies.Authenticated, p => p.RequireAuthenticatedUser())
            .AddPolicy(PlatformPolicies.Kansli, p => p.RequireRole(PlatformRoles.Kansli, PlatformRoles.Admin))
            .AddPolicy(PlatformPolicies.Operations, p => p.RequireRole(PlatformRoles.Operator, PlatformRoles.Kansli, PlatformRoles.Admin));
        return services;
    }

    private static SecurityKey? LoadVerificationKey(AuthOptions options)
    {
        var path = options.PublicKeyPath ?? options.SigningKeyPath;
        if (path is null || !File.Exists(path))
        {
            // No key configured: every token fails validation, so every protected endpoint answers 401.
            return null;
        }

        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        return new RsaSecurityKey(rsa.ExportParameters(false));
    }
}
