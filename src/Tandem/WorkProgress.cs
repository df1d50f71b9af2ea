namespace Tandem;

/// <summary>
/// How far a long piece of work has come, for a surface to show (the CLI draws bars on a
/// terminal and prints a line now and then otherwise): what it is doing and how many of how many.
/// </summary>
/// <param name="Stage">What is being done, e.g. "reading and labelling contracts".</param>
/// <param name="Done">Items of the stage done so far.</param>
/// <param name="Total">Items in the stage; 0 for a stage without a count (one step, or a note).</param>
public sealed record WorkProgress(string Stage, int Done = 0, int Total = 0);
