using System.CommandLine;

namespace Tandem.Cli.Commands;

/// <summary>A command's body, given its context; <see cref="TandemCli"/> supplies error handling.</summary>
internal delegate Func<ParseResult, CancellationToken, Task<int>> CommandRunner(Func<CliContext, ParseResult, CancellationToken, Task<int>> body);
