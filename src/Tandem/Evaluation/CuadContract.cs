namespace Tandem.Evaluation;

/// <summary>One CUAD contract: its text file and the annotated clause texts per category.</summary>
/// <param name="Name">The text file's name without extension.</param>
/// <param name="TextPath">Full path of the contract's .txt file.</param>
/// <param name="Gold">Category → annotated clause texts (possibly none).</param>
public sealed record CuadContract(string Name, string TextPath, IReadOnlyDictionary<string, IReadOnlyList<string>> Gold);
