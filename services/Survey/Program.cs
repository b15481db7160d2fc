using VisionEHalsa.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("survey");
builder.AddDocumentStore("survey");
builder.AddMessaging("survey");

var app = builder.Build();
app.MapServiceDefaults();
app.Run();

public partial class Program;
