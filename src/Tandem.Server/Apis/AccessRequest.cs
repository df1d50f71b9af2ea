namespace Tandem.Server.Apis;

/// <summary>A new access list: user names or <c>user:</c>/<c>group:</c> tokens (the owner is always kept on it).</summary>
public sealed record AccessRequest(IReadOnlyList<string> Access);
