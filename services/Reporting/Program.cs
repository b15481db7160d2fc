using VisionEHalsa.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("reporting");
builder.AddDocumentStore("reporting");
builder.AddMessaging("reporting");

var app = builder.Build();
app.MapServiceDefaults();
app.Run();

public partial class Program;
