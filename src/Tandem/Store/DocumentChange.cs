namespace Tandem.Store;

/// <summary>What a change asked of <see cref="IDocumentLifecycle"/> did.</summary>
public enum DocumentChange
{
    /// <summary>The document changed.</summary>
    Changed,
    /// <summary>It was already so: nothing was written.</summary>
    Unchanged,
    /// <summary>No such document, or the caller may not read it (the two are one answer).</summary>
    NotFound,
    /// <summary>The caller may read it but is neither its owner nor an admin: nothing was written.</summary>
    NotAllowed,
}
