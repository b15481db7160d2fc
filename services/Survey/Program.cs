using VisionEHalsa.ServiceDefaults;
using VisionEHalsa.Survey;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("survey");
builder.AddDocumentStore("survey");
builder.AddMessaging("survey");
builder.AddSurvey();

var app = builder.Build();
app.MapServiceDefaults();
app.MapSurveyEndpoints();
app.Run();

public partial class Program;
