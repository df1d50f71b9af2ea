namespace Tandem.Analysis;

/// <summary>Whom a clause favours, seen from the side under review.</summary>
public enum Favours
{
    /// <summary>No party's right or duty could be read from the clause.</summary>
    Unclear,

    /// <summary>The side under review: its right, or the other party's duty.</summary>
    Us,

    /// <summary>The other side: its right, or a duty or restriction on the side under review.</summary>
    Them,

    /// <summary>Both sides alike ("either party may", "neither party shall").</summary>
    Both,
}
