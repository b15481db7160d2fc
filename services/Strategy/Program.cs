using VisionEHalsa.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("strategy");
builder.AddDocumentStore("strategy");
builder.AddMessaging("strategy");

var app = builder.Build();
app.MapServiceDefaults();
app.Run();

public partial class Program;
