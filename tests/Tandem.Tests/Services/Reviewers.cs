using Tandem.Access;

namespace Tandem.Tests.Services;

/// <summary>
/// The people of the review tests: alice owns the contract (shared with group legal); carol and dave
/// are reviewers in legal; erin is in legal but no reviewer; mallory is a reviewer outside legal;
/// root is an admin.
/// </summary>
internal static class Reviewers
{
    public static Principal Alice { get; } = new("alice");

    public static Principal Carol { get; } = new("carol", ["legal", "reviewer"]);

    public static Principal Dave { get; } = new("dave", ["legal", "reviewer"]);

    public static Principal Erin { get; } = new("erin", ["legal"]);

    public static Principal Mallory { get; } = new("mallory", ["reviewer"]);

    public static Principal Root { get; } = new("root", ["admin"]);
}
