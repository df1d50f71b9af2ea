using Tandem.Server;

var builder = WebApplication.CreateBuilder(args);
builder.AddTandemServer();

var app = builder.Build();
app.MapTandemServer();
app.Run();

/// <summary>The server's entry point, named so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
