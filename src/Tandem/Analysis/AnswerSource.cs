namespace Tandem.Analysis;

/// <summary>A numbered source of a grounded answer: the clause cited as [n] and the verified quote from it.</summary>
/// <param name="Number">The n of [n] in the answer's text; sources are numbered in order of first use.</param>
/// <param name="DocumentId">The cited document.</param>
/// <param name="DocumentTitle">Its title.</param>
/// <param name="Version">The version quoted.</param>
/// <param name="ClauseId">The cited clause's stable id.</param>
/// <param name="Path">The clause path, e.g. "12.3(b)".</param>
/// <param name="Start">Start of the quote in the version's normalised text.</param>
/// <param name="End">End of the quote (exclusive).</param>
/// <param name="Quote">The document's own words for that span.</param>
public sealed record AnswerSource(int Number, string DocumentId, string DocumentTitle, int Version, string ClauseId, string Path, int Start, int End, string Quote);
