using Specialized.Common;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>
/// Chooses the [SpdSolve] solve kernel for each n (docs/design.md, "How the generated code is shaped, per n"): scalar
/// straight-line code below one vector's worth of rows, straight-line SIMD code up to
/// <see cref="StraightLineLimit"/>. Above it the dispatch calls the one looped SIMD kernel
/// (<see cref="LoopKernelEmitter"/>) with n.
/// </summary>
internal static class KernelEmitter
{
    public static string MethodName(int n) => "Solve" + SourceWriter.Int(n);

    /// <summary>The largest n that gets straight-line code; larger sizes share one looped kernel (docs/design.md, "How the generated code is shaped, per n").</summary>
    public const int StraightLineLimit = 16;

    public static void Emit(SourceWriter w, SolverSpec spec, int n)
    {
        if (VectorShape.For(spec.Signature.Element, n) is { } vector)
        {
            VectorKernelEmitter.Emit(w, spec, n, vector);
            return;
        }

        ScalarKernelEmitter.Emit(w, spec, n);
    }
}
