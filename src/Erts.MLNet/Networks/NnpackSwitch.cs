using System.Runtime.InteropServices;
using TorchSharp;

namespace Erts.MLNet.Networks;

/// <summary>
/// Turns libtorch's NNPACK switch off on CPUs where NNPACK cannot initialise, so that libtorch stops printing
/// "Could not initialize NNPACK! Reason: Unsupported hardware." on standard error, a warning users can do nothing about.
/// </summary>
/// <remarks>
/// <para>
/// libtorch 2.10 asks NNPACK whether it initialised on every CPU convolution that oneDNN does not take (batches of
/// one, as in Grad-CAM and <see cref="EcgNetwork.ExplainedLength"/>) and logs each failure, but only while its NNPACK
/// switch is on (<c>at::Context::userEnabledNNPACK</c>, Python's <c>torch.backends.nnpack.enabled</c>). Where NNPACK
/// initialises, nothing changes here; where it does not, NNPACK could never run, so switching it off changes nothing
/// but the message, and convolutions keep the kernels they had.
/// </para>
/// <para>
/// TorchSharp 0.107 binds no NNPACK setting, so the switch is reached through symbols libtorch_cpu exports: NNPACK's C
/// <c>nnp_initialize</c> (idempotent; the call libtorch makes) and two C++ functions under their Itanium ABI names,
/// hence Linux only. When a symbol is missing (another libtorch build) libtorch is left as it was.
/// </para>
/// </remarks>
internal static class NnpackSwitch
{
    private const string LibTorchCpu = "libtorch_cpu.so";
    private const int NnpStatusSuccess = 0;

    private static readonly Lazy<bool> switchedOff = new(SwitchOffIfUnusable);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int NnpInitialize();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr GlobalContext();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void SetUserEnabledNnpack(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    /// <summary>Checks NNPACK once per process, loading libtorch first if needed; later calls return at once.</summary>
    /// <returns>True when NNPACK could not initialise and libtorch's NNPACK switch was turned off.</returns>
    public static bool EnsureChecked() => switchedOff.Value;

    private static bool SwitchOffIfUnusable()
    {
        if (!OperatingSystem.IsLinux()) return false;
        torch.InitializeDeviceType(DeviceType.CPU); // loads libtorch, so the name below finds the copy torch uses
        if (!NativeLibrary.TryLoad(LibTorchCpu, out IntPtr library)) return false;
        if (!TryGet(library, "nnp_initialize", out NnpInitialize? initialize)
            || !TryGet(library, "_ZN2at13globalContextEv", out GlobalContext? globalContext)
            || !TryGet(library, "_ZN2at7Context20setUserEnabledNNPACKEb", out SetUserEnabledNnpack? setEnabled))
            return false;
        if (initialize() == NnpStatusSuccess) return false;
        setEnabled(globalContext(), false);
        return true;
    }

    // The process-wide scope first (an LD_PRELOAD interposer, as in the tests), then libtorch_cpu itself: the same
    // definition libtorch's own calls bind to.
    private static bool TryGet<T>(IntPtr library, string symbol, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? function)
        where T : Delegate
    {
        function = null;
        if (!NativeLibrary.TryGetExport(NativeLibrary.GetMainProgramHandle(), symbol, out IntPtr address)
            && !NativeLibrary.TryGetExport(library, symbol, out address))
            return false;
        function = Marshal.GetDelegateForFunctionPointer<T>(address);
        return true;
    }
}
