namespace Tandem.Web.Tests.Support;

/// <summary>What the fake provider gets wrong in the id tokens it issues, for the tests that check the server refuses them.</summary>
public enum IdTokenTampering
{
    None,

    /// <summary>The nonce is not the one the authorization request carried.</summary>
    WrongNonce,

    /// <summary>The audience is another client's.</summary>
    WrongAudience,

    /// <summary>The token expired ten minutes ago.</summary>
    Expired,

    /// <summary>Signed with a key the provider does not publish (under the published key's id).</summary>
    BadSignature,

    /// <summary>The token has no user claim at all.</summary>
    NoUserClaim,
}
