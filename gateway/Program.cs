using VisionEHalsa.Gateway.Operations;
using VisionEHalsa.Gateway.Routing;
using VisionEHalsa.Gateway.Tokens;
using VisionEHalsa.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("gateway");
builder.AddTokenEndpoint();
builder.AddGatewayRouting();
builder.AddFailuresOverview();

var app = builder.Build();
app.UseGatewayEdge();
app.MapServiceDefaults();
app.MapTokenEndpoint();
app.MapGatewayRouting();
app.MapFailuresOverview();
app.MapApiReference();
app.Run();

public partial class Program;
