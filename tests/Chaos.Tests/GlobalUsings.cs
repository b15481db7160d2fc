global using Xunit;
global using VisionEHalsa.TestSupport;
