using VisionEHalsa.Gateway.Clients;
using VisionEHalsa.Gateway.Operations;
using VisionEHalsa.Gateway.Routing;
using VisionEHalsa.Gateway.Tokens;
using VisionEHalsa.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("gateway");
builder.AddDocumentStore("gateway");
builder.AddClients();
builder.AddTokenEndpoint();
builder.AddGatewayRouting();
builder.AddFailuresOverview();
builder.AddAuditOverview();

var app = builder.Build();
app.UseGatewayEdge();
app.MapServiceDefaults();
app.MapTokenEndpoint();
app.MapClientEndpoints();
app.MapRevokedClients();
app.MapGatewayRouting();
app.MapFailuresOverview();
app.MapAuditOverview();
app.MapApiReference();
app.Run();

public partial class Program;
