namespace Tandem.Web;

/// <summary>The web app's addresses: ids only, never a document's text.</summary>
public static class WebPaths
{
    /// <summary>Where the web app lives.</summary>
    public const string Root = "/app";

    public const string SignIn = "/app/sign-in";

    public const string SignOut = "/app/sign-out";

    /// <summary>Where the OpenID Connect provider sends the browser back with its code.</summary>
    public const string ProviderCallback = "/app/signin-oidc";

    /// <summary>Where the OpenID Connect provider sends the browser back after ending its session.</summary>
    public const string ProviderSignedOut = "/app/signout-callback-oidc";

    /// <summary>The page that follows a provider's sign-in and opens <paramref name="returnUrl"/> (a local address).</summary>
    public static string SignedIn(string returnUrl) => $"/app/signed-in?returnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>The sign-in page saying why a provider's sign-in was refused.</summary>
    public static string SignInFailed(Identity.WebSignInFailure failure) => $"{SignIn}?failed={failure.ToString().ToLowerInvariant()}";

    /// <summary><paramref name="returnUrl"/> when it is a page of the web app (so on this site), else the app's root.</summary>
    public static string LocalOrRoot(string? returnUrl) =>
        returnUrl is { } url && (url == Root || url.StartsWith(Root + "/", StringComparison.Ordinal) || url.StartsWith(Root + "?", StringComparison.Ordinal)) ? url : Root;

    /// <summary>The static files (htmx, the app's script and styles).</summary>
    public const string Assets = "/app/assets";

    public static string Report(string reportId) => $"/app/reports/{Uri.EscapeDataString(reportId)}";

    public static string Batch(string batchId) => $"/app/batches/{Uri.EscapeDataString(batchId)}";

    public static string Job(string jobId) => $"/app/reviews/jobs/{Uri.EscapeDataString(jobId)}";
}
