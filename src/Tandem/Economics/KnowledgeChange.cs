namespace Tandem.Economics;

/// <summary>How often the knowledge the system answers from changes.</summary>
public enum KnowledgeChange
{
    Never,
    Rarely,
    Quarterly,
    Monthly,
    Weekly,
    Daily,
}
