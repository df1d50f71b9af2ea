namespace Tandem.Web.Tests.Support;

/// <summary>
/// Where the browser tests write screenshots: TANDEM_SCREENSHOTS, or a folder under the temp
/// directory. The copies in docs/screenshots are refreshed deliberately, never by a test run.
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("TANDEM_SCREENSHOTS") is { Length: > 0 } folder ? folder : Path.Combine(Path.GetTempPath(), "tandem-screenshots")).FullName;

    public static string PathOf(string name) => Path.Combine(Folder, name);
}
