namespace Tandem.Server.Limits;

/// <summary>The largest request body the server accepts, in bytes.</summary>
/// <param name="Bytes">The limit.</param>
public sealed record RequestSizeLimit(long Bytes);
