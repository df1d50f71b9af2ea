using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Tandem.Server.Tests;

/// <summary>The server in memory on a store of its own, in a temporary folder removed on dispose.</summary>
public sealed class ServerFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tandem-server-").FullName;

    /// <summary>The SQLite file the server uses.</summary>
    public string DatabasePath => Path.Combine(_folder, "tandem.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(ServerExtensions.DatabaseKey, DatabasePath);
        builder.UseEnvironment("Production");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
