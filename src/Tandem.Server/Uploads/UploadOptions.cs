namespace Tandem.Server.Uploads;

/// <summary>When an upload is ingested in the background (<c>Tandem:Server:Uploads</c>).</summary>
public sealed class UploadOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Tandem:Server:Uploads";

    /// <summary>
    /// Uploads larger than this in total (bytes) are staged in the store and ingested by a
    /// background job (202 and a status URL) instead of within the request; 0 makes every upload a
    /// job. A client can also ask for it with <c>?background=true</c>.
    /// </summary>
    public long BackgroundBytes { get; set; } = 8 * 1024 * 1024;
}
