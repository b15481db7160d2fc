using VisionEHalsa.Indicator;
using VisionEHalsa.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("indicator");
builder.AddDocumentStore("indicator");
builder.AddMessaging("indicator", bus => bus.AddIndicatorConsumers());
builder.AddIndicators();

var app = builder.Build();
app.MapServiceDefaults();
app.MapIndicatorEndpoints();
app.Run();

public partial class Program;
