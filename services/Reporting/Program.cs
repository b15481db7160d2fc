using VisionEHalsa.Reporting;
using VisionEHalsa.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("reporting");
builder.AddDocumentStore("reporting");
builder.AddMessaging("reporting", x => x.AddReportingConsumers());
builder.AddReporting();

var app = builder.Build();
app.MapServiceDefaults();
app.MapReportEndpoints();
app.Run();

public partial class Program;
