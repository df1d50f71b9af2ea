using System.Globalization;

namespace Tandem.Server.Jobs;

/// <summary>What a job id looks like: a GUID in memory, a positive number on PostgreSQL.</summary>
public static class JobIds
{
    /// <summary>
    /// Whether <paramref name="id"/> could name a job; anything else names none and is not passed
    /// to the storage (which would throw on it, a 500 instead of a 404).
    /// </summary>
    public static bool IsWellFormed(string? id) =>
        Guid.TryParse(id, out _) || (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0);
}
