using System.Runtime.InteropServices;
using System.Text;

namespace Tandem.Retrieval;

/// <summary>
/// ONNX Runtime 1.30's Linux and macOS builds carry Microsoft's 1DS telemetry: on first use it writes a device id and
/// an event cache under <c>~/.cache/Microsoft/DeveloperTools/.onnxruntime</c>, leaves an empty
/// <c>/tmp/mat-debug-&lt;pid&gt;.log</c> behind for every process, and uploads events where a network is reachable.
/// A contract-review tool that promises to run offline must not do that. <c>ORT_DISABLE_TELEMETRY=1</c>, set in the
/// native environment before the runtime starts, turns all of it off; .NET's
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach the C library's environment on
/// Unix, so it is set through <c>setenv</c>. A value the user set already is left as it is.
/// </summary>
internal static class OnnxRuntimeTelemetry
{
    private static readonly Lazy<bool> OptedOut = new(OptOut, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Call before the first <c>SessionOptions</c> or <c>InferenceSession</c> of the process.</summary>
    public static void EnsureOptedOut() => _ = OptedOut.Value;

    private static bool OptOut()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
        {
            return SetEnvironment(Encoding.UTF8.GetBytes("ORT_DISABLE_TELEMETRY\0"), Encoding.UTF8.GetBytes("1\0"), overwrite: 0) == 0;
        }

        return true; // Windows builds report through ETW, which only a listening trace session receives
    }

    // DllImport with null-terminated byte arrays rather than strings: blittable, so no marshalling and no unsafe code.
    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnvironment(byte[] name, byte[] value, int overwrite);
}
