namespace Tandem.Web.Identity;

/// <summary>How the sign-in page offers to sign in: with an API key always, and with the firm's OpenID Connect provider when the server configured one.</summary>
public sealed class WebSignInOptions
{
    /// <summary>The provider's name on the "Sign in with ..." button; null when no provider is configured.</summary>
    public string? ProviderDisplayName { get; set; }
}
