namespace Tandem.Documents;

/// <summary>A document could not be read: unsupported, empty, corrupt, too large or not text.</summary>
public sealed class DocumentException(string message, string? hint = null, Exception? innerException = null)
    : TandemException(message, hint, innerException);
