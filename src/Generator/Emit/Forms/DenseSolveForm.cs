using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>
/// The two [SpdSolve] forms that factor and solve in one call (<see cref="InPlaceForm"/>,
/// <see cref="KeepInputsForm"/>): one unrolled kernel per n up to <see cref="Limit"/>, chosen by
/// <see cref="SolveKernelChooser"/>; above it, up to MaxN, the one looped SIMD kernel
/// (<see cref="LoopKernelEmitter"/>) with n.
/// </summary>
internal abstract class DenseSolveForm : CholeskyFormDescriptor
{
    /// <summary>The largest n that gets straight-line code; larger sizes share one looped kernel (docs/design.md, "How the generated code is shaped, per n").</summary>
    public const int Limit = 16;

    /// <inheritdoc />
    public override int StraightLineLimit => Limit;

    /// <inheritdoc />
    public override int? VectorMinOrder => VectorShape.MinOrder;

    /// <summary>True when the factor overwrites a's stored triangle and x overwrites b; false when x is written apart.</summary>
    protected abstract bool SolvesInPlace { get; }

    /// <inheritdoc />
    public override string KernelMethodName(int n) => SolveKernelChooser.MethodName(n);

    /// <inheritdoc />
    protected override string? SharedKernel(string kernelArguments) => $"{LoopKernelEmitter.MethodName}({kernelArguments}, n)";

    /// <inheritdoc />
    protected override void EmitKernel(SourceWriter w, SolverSpec spec, int n) => SolveKernelChooser.Emit(w, spec, n, SolvesInPlace);

    /// <inheritdoc />
    protected override void EmitHelpers(SourceWriter w, SolverSpec spec)
    {
        if (spec.MaxN > KernelLimit(spec))
        {
            w.Line();
            LoopKernelEmitter.Emit(w, spec, VectorShape.For(spec.Signature.Element, spec.MaxN)!, spec.MaxN, SolvesInPlace);
        }
    }

    /// <inheritdoc />
    protected override string[] Remarks(CholeskyDocumentation doc) => new[]
    {
        doc.Unrolled + ";",
        $"n ≥ {doc.AfterMaxN} call <see cref=\"global::Specialized.Cholesky\"/>. {CholeskyDocumentation.Throws}",
        CholeskyDocumentation.Failed,
    };
}
