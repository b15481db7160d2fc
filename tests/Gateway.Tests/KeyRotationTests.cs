using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Gateway.Tests;

public sealed class KeyRotationTests
{
    private static string PublicKeyFile(RSA key)
    {
        var path = Path.Combine(TestEnvironment.NewDataDirectory("old-key"), "public.pem");
        File.WriteAllText(path, key.ExportSubjectPublicKeyInfoPem());
        return path;
    }

    [Fact]
    public async Task A_token_signed_before_a_rotation_stays_valid_while_its_key_is_listed_as_previous()
    {
        using var oldKey = RSA.Create(2048);
        var signedBefore = TestAuth.Token("kansli-before-rotation", "kansli", key: oldKey);
        await using var rotated = new GatewayFactory();
        rotated.Settings["Auth:PreviousPublicKeyPaths:0"] = PublicKeyFile(oldKey);
        await using var forgotten = new GatewayFactory();

        var withPrevious = await Tokens.ClientWith(rotated, signedBefore).GetAsync("/api/v1/strategy");
        var withoutPrevious = await Tokens.ClientWith(forgotten, signedBefore).GetAsync("/api/v1/strategy");

        // Past the gateway nothing listens here: 502 means the token was accepted.
        Assert.Equal((HttpStatusCode.BadGateway, HttpStatusCode.Unauthorized), (withPrevious.StatusCode, withoutPrevious.StatusCode));
    }

    [Fact]
    public async Task New_tokens_are_signed_with_the_current_key_only()
    {
        using var oldKey = RSA.Create(2048);
        await using var gateway = new GatewayFactory();
        gateway.Settings["Auth:PreviousPublicKeyPaths:0"] = PublicKeyFile(oldKey);
        using var current = RSA.Create();
        current.ImportFromPem(File.ReadAllText(TestAuth.PublicKeyPath));

        var token = new JsonWebToken(await Tokens.OfAsync(gateway, GatewayFactory.Kansli.ClientId, GatewayFactory.Kansli.ClientSecret));

        Assert.Equal(ServiceDefaults.Auth.SigningKeys.KeyId(current), token.Kid);
    }
}
