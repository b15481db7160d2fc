using System.Net.Http.Json;
using VisionEHalsa.Indicator.Definitions;
using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Indicator.Tests.Service;

[Collection(IndicatorServiceCollection.Name)]
public class SeededCatalogueTests(IndicatorServiceFixture fixture)
{
    [Fact]
    public async Task The_service_starts_with_the_catalogue_of_vision_ehalsa_defined()
    {
        using var partner = fixture.Factory.ClientWithToken(TestAuth.Partner("kommun:0180"));

        var listed = await partner.GetFromJsonAsync<List<IndicatorResponse>>("/api/v1/indicators");

        var seeded = listed!.Where(d => d.QuestionnaireId == "vision-ehalsa-kommun").Select(d => d.Code).ToList();
        Assert.Equal(CatalogueSeed.ReadCatalogue().Select(c => c.Code!).Order(StringComparer.Ordinal), seeded);
        var heldig = await partner.GetFromJsonAsync<IndicatorResponse>("/api/v1/indicators/TRYGG_HELDIG");
        Assert.Equal((1, "TRYGG_HELDIG == \"Enbart digitala\"", "%"), (heldig!.Version, heldig.Numerator, heldig.Unit));
    }
}
