using Microsoft.Extensions.Configuration;

namespace Tandem;

/// <summary>
/// Where settings come from, for every part that reads them: a given <c>appsettings.json</c>
/// (which must exist), or else <c>~/.config/tandem/appsettings.json</c> and
/// <c>appsettings.json</c> in the working directory when present; then the environment
/// (<c>Tandem__Access__AdminGroup=...</c>), later sources winning.
/// </summary>
public static class TandemSettings
{
    public static IConfiguration Load(string? settingsFile = null)
    {
        var builder = new ConfigurationBuilder();
        if (settingsFile is not null)
        {
            if (!File.Exists(settingsFile))
            {
                throw new TandemException($"settings file not found: {settingsFile}", "pass an existing appsettings.json");
            }

            builder.AddJsonFile(Path.GetFullPath(settingsFile), optional: false);
        }
        else
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            builder.AddJsonFile(Path.Combine(home, ".config", "tandem", "appsettings.json"), optional: true);
            builder.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true);
        }

        builder.AddEnvironmentVariables();
        try
        {
            return builder.Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or System.Text.Json.JsonException)
        {
            throw new TandemException($"the settings are not valid JSON: {e.Message}", "fix the appsettings.json file");
        }
    }
}
