using VisionEHalsa.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("indicator");
builder.AddDocumentStore("indicator");
builder.AddMessaging("indicator");

var app = builder.Build();
app.MapServiceDefaults();
app.Run();

public partial class Program;
