namespace Tandem.Server.Apis;

/// <summary>A key to create: its user, groups, whether it is an admin's, and its lifetime (<c>90d</c>, <c>12h</c>, <c>never</c>; default never).</summary>
public sealed record KeyRequest(string User, IReadOnlyList<string>? Groups = null, bool Admin = false, string? Expires = null);
