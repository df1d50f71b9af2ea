namespace Tandem;

/// <summary>
/// An error caused by the user's input or environment (a bad file, a wrong option, a locked
/// database). Surfaces print <see cref="Exception.Message"/> and <see cref="Hint"/> on one line,
/// without a stack trace, and exit non-zero.
/// </summary>
public class TandemException : Exception
{
    public TandemException(string message, string? hint = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Hint = hint;
    }

    /// <summary>What the user can do about it, e.g. "convert the file to UTF-8".</summary>
    public string? Hint { get; }

    /// <summary>The message and the hint as one line, for a terminal.</summary>
    public string ToUserMessage() => Hint is null ? Message : $"{Message}; {Hint}";
}
