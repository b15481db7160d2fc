using VisionEHalsa.Indicator.ReferenceData;

namespace VisionEHalsa.Indicator.Tests.Series;

public class NationalValuesTests
{
    private static readonly NationalValues Reference = NationalValues.LoadEmbedded();

    [Fact]
    public void A_code_with_values_for_samtliga_gets_those()
    {
        var points = Reference.For("GPS_LARM", null);

        var point = Assert.Single(points);
        Assert.Equal((2020, "Samtliga", 68.0), (point.Year, point.Area, point.Value));
        Assert.StartsWith("https://nordicwelfare.org/", point.Source);
    }

    [Fact]
    public void A_code_whose_national_values_share_one_area_gets_that_area()
    {
        Assert.Equal([(2014, 57.0), (2015, 69.0)], Reference.For("NPO", null).Select(p => (p.Year, p.Value)));
        Assert.Equal([2014, 2015, 2016, 2019], Reference.For("TRYGG_DIG", null).Select(p => p.Year));
    }

    [Fact]
    public void A_code_split_over_areas_gets_reference_points_only_for_an_area_asked_for()
    {
        Assert.Empty(Reference.For("NATT_KAM", null));
        Assert.Equal([(2021, 76.0), (2022, 78.0)], Reference.For("NATT_KAM", "äldreomsorg").Select(p => (p.Year, p.Value)));
        Assert.Empty(Reference.For("NATT_KAM", "Barn och unga"));
    }

    [Fact]
    public void Quoted_notes_and_empty_respondents_are_read_as_written()
    {
        var kval = Reference.For("KVAL_LS", null);

        Assert.Equal([(2018, (int?)null), (2021, null), (2022, 288)], kval.Select(p => (p.Year, p.Respondents)));
        Assert.Equal("'kring 30%' (approximate), quoted by Socialstyrelsen presenter of 2022 report", kval[0].Note);
        Assert.Empty(Reference.For("OKAND", null));
    }
}
