namespace Tandem.Tests.Hostile;

/// <summary>
/// The hostile-file tests run alone, after the parallel ones: they measure the whole process's
/// allocations while a file is read, which other tests running at the same time would inflate.
/// </summary>
[CollectionDefinition(nameof(HostileCollection), DisableParallelization = true)]
public sealed class HostileCollection;
