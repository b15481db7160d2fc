using VisionEHalsa.TestSupport;

namespace VisionEHalsa.Survey.Tests;

/// <summary>One survey service for every test class: real LiteDB file, the run's RabbitMQ, test tokens.</summary>
public sealed class SurveyService : ServiceFactory<Program>;

[CollectionDefinition(Name)]
public sealed class SurveyCollection : ICollectionFixture<SurveyService>
{
    public const string Name = "survey";
}
