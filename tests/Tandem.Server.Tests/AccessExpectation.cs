namespace Tandem.Server.Tests;

/// <summary>What a caller who may read nothing of Alice's must get from an <see cref="AccessProbe"/>.</summary>
internal enum AccessExpectation
{
    /// <summary>Exactly the answer for a missing thing of the same kind (status, headers and body, the id aside).</summary>
    Hidden,

    /// <summary>A 2xx listing of the caller's own things.</summary>
    Listed,

    /// <summary>403: the operation is for admins.</summary>
    AdminOnly,

    /// <summary>Any answer but a server error (the caller's own things, or bad input).</summary>
    Any,
}
