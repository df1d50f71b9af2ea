namespace Tandem.Web;

/// <summary>The web app's addresses: ids only, never a document's text.</summary>
public static class WebPaths
{
    /// <summary>Where the web app lives.</summary>
    public const string Root = "/app";

    public const string SignIn = "/app/sign-in";

    public const string SignOut = "/app/sign-out";

    /// <summary>The static files (htmx, the app's script and styles).</summary>
    public const string Assets = "/app/assets";

    public static string Report(string reportId) => $"/app/reports/{Uri.EscapeDataString(reportId)}";

    public static string Batch(string batchId) => $"/app/batches/{Uri.EscapeDataString(batchId)}";

    public static string Job(string jobId) => $"/app/reviews/jobs/{Uri.EscapeDataString(jobId)}";
}
