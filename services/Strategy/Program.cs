using VisionEHalsa.ServiceDefaults;
using VisionEHalsa.Strategy;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("strategy");
builder.AddDocumentStore("strategy");
builder.AddMessaging("strategy", bus => bus.AddStrategyConsumers());
builder.AddStrategy();

var app = builder.Build();
app.MapServiceDefaults();
app.MapStrategyEndpoints();
app.Run();

public partial class Program;
