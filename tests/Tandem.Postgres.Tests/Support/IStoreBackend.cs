namespace Tandem.Postgres.Tests.Support;

/// <summary>A database the conformance suite runs on: opens a fresh, empty store for each test.</summary>
public interface IStoreBackend
{
    /// <summary>Why this backend cannot run here (outside CI only); null when it can.</summary>
    string? Unavailable { get; }

    /// <summary>An empty store whose services read <paramref name="time"/>.</summary>
    Task<StoreServices> OpenAsync(TimeProvider time);
}
