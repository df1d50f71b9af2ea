namespace Tandem.Web.Identity;

/// <summary>Why a sign-in through the provider was refused, as the sign-in page names it (a fixed word in its address, never the provider's text).</summary>
public enum WebSignInFailure
{
    /// <summary>The provider's answer was refused: cancelled, or its token not valid (signature, audience, nonce, expiry ...).</summary>
    Provider,

    /// <summary>The token was valid but named no user Tandem can use in the configured user claim.</summary>
    NoUser,
}
