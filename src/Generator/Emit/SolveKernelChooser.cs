using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>
/// Chooses the straight-line kernel of the [SpdSolve] solve forms (<see cref="DenseSolveForm"/>) for
/// each n (docs/design.md, "How the generated code is shaped, per n"): scalar code (<see cref="ScalarKernelEmitter"/>) below
/// one vector's worth of rows, SIMD code (<see cref="VectorKernelEmitter"/>) from there up to
/// <see cref="DenseSolveForm.Limit"/>. Above it the dispatch calls the one looped SIMD kernel
/// (<see cref="LoopKernelEmitter"/>) with n.
/// </summary>
internal static class SolveKernelChooser
{
    /// <summary>The kernel for size n, whichever code it holds.</summary>
    public static string MethodName(int n) => "Solve" + SourceWriter.Int(n);

    /// <summary>Emits the kernel for n; <paramref name="inPlace"/> as <see cref="DenseSolveForm"/> says.</summary>
    public static void Emit(SourceWriter w, SolverSpec spec, int n, bool inPlace)
    {
        if (VectorShape.For(spec.Signature.Element, n) is { } vector)
        {
            VectorKernelEmitter.Emit(w, spec, n, vector, inPlace);
            return;
        }

        ScalarKernelEmitter.Emit(w, spec, n, inPlace);
    }
}
