namespace Tandem.Documents;

/// <summary>A file read and normalised: the text every clause span points into.</summary>
/// <param name="Source">Absolute path of the file it came from.</param>
/// <param name="Title">A human title (the file name without extension).</param>
/// <param name="MediaType">Media type of the original file.</param>
/// <param name="Text">The normalised text (NFC, LF line ends, no control characters).</param>
/// <param name="ContentHash">SHA-256 (hex) of <paramref name="Text"/>; the version identity.</param>
/// <param name="ByteSize">Size of the original file in bytes.</param>
public sealed record ReadDocument(string Source, string Title, string MediaType, string Text, string ContentHash, long ByteSize);
