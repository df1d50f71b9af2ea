using Tandem.Tests.Support;

namespace Tandem.Tests.Cli;

/// <summary>
/// A fresh process that embeds (ONNX Runtime loaded) leaves nothing of ONNX Runtime's telemetry behind: no device id or
/// event cache in HOME, no /tmp/mat-debug-&lt;pid&gt;.log. ONNX Runtime 1.30 wrote both on every machine until
/// Tandem set ORT_DISABLE_TELEMETRY before the runtime started.
/// </summary>
public sealed class OnnxRuntimeTelemetryTests
{
    [Fact]
    public async Task Ingest_FreshProcessThatEmbeds_LeavesNoTelemetryFiles()
    {
        using var tandem = new TandemProcess();
        using var folder = new TempDirectory();
        folder.Write("supply.txt", ContractTexts.Supply);

        using var process = tandem.Start("ingest", folder.Path);
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        var errors = await error;
        Assert.True(process.ExitCode == 0, errors);
        Assert.Contains("embedded", errors + await output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(tandem.Home, ".cache", "Microsoft")), "ONNX Runtime's telemetry cache was written to HOME");
        Assert.False(File.Exists(Path.Combine("/tmp", $"mat-debug-{process.Id}.log")), $"/tmp/mat-debug-{process.Id}.log was written");
    }
}
