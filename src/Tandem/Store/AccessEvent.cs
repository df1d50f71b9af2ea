namespace Tandem.Store;

/// <summary>A change of a document's access list, its creation included (an empty <paramref name="OldAccess"/>).</summary>
/// <param name="At">When.</param>
/// <param name="By">Who changed it (the owner or an admin).</param>
/// <param name="OldAccess">The list before, as sorted tokens.</param>
/// <param name="NewAccess">The list after.</param>
public sealed record AccessEvent(DateTimeOffset At, string By, IReadOnlyList<string> OldAccess, IReadOnlyList<string> NewAccess);
