global using System.Text.Json;
global using VisionEHalsa.TestSupport;
global using Xunit;
