using System;
using Specialized.Common;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>
/// Which kernel emitter and which runtime fallback serve a recognized form, and up to which n the
/// factor forms get straight-line code (<see cref="StraightLineLimit"/>).
/// </summary>
internal static class KernelForms
{
    /// <summary>The helper that factors a stack copy with the runtime kernel, for [SpdFactor] past its straight-line limit.</summary>
    public const string FactorOnCopyMethod = "FactorOnCopy";

    /// <summary>
    /// The largest n that gets a straight-line kernel of its own. For the [SpdSolve] solve forms
    /// see <see cref="KernelEmitter.StraightLineLimit"/>. For the factor forms: past these sizes the scalar straight-line code
    /// was slower than the runtime's vectorized kernel (measured against <c>Cholesky</c> at n = 4..32,
    /// double: the factor 1.77x faster at 4, even at 8, 0.57x at 16; the solve with a factor 2.2x
    /// faster at 12, even at 16, 0.37x at 24; the inverse 1.16x faster at 12, 0.76x at 16), and from
    /// n ≈ 27 (factor) or 19 (inverse) the JIT compiles such methods without optimization.
    /// </summary>
    public static int StraightLineLimit(SolveForm form) => form switch
    {
        SolveForm.Factor => FactorKernelEmitter.StraightLineLimit,
        SolveForm.Factored => FactoredSolveKernelEmitter.StraightLineLimit,
        SolveForm.Inverse => InverseKernelEmitter.StraightLineLimit,
        SolveForm.Batch => BatchKernelEmitter.StraightLineLimit,
        _ => KernelEmitter.StraightLineLimit,
    };

    /// <summary>True for the forms whose kernels from <see cref="VectorMinOrder"/> on need <see cref="VectorShape.Supported"/>.</summary>
    public static bool UsesVectorKernels(SolverSpec spec) => spec.Signature.Form is SolveForm.InPlace or SolveForm.KeepInputs or SolveForm.Batch;

    /// <summary>The smallest n whose kernel is vector code: every n for the batch (one system per lane), else <see cref="VectorShape.MinOrder"/>.</summary>
    public static int VectorMinOrder(SolverSpec spec) => spec.Signature.Form == SolveForm.Batch ? 1 : VectorShape.MinOrder;

    /// <summary>
    /// The call that serves every n in (<see cref="KernelLimit"/>, MaxN], or null when MaxN is within
    /// the limit: the factor forms' copy-and-factor helper, the solve forms' looped SIMD kernel.
    /// Forms without one go straight to <see cref="FallbackCall"/>. Arguments are the dispatch's.
    /// </summary>
    public static string? SharedKernelCall(SolverSpec spec, string kernelArgs)
    {
        if (spec.MaxN <= KernelLimit(spec))
        {
            return null;
        }

        return spec.Signature.Form switch
        {
            SolveForm.Factor => $"{FactorOnCopyMethod}({ParameterRoles.Matrix}, n)",
            SolveForm.InPlace or SolveForm.KeepInputs => $"{LoopKernelEmitter.MethodName}({kernelArgs}, n)",
            _ => null,
        };
    }

    /// <summary>The largest n with a kernel of its own: MaxN, or the form's straight-line limit when that is lower.</summary>
    public static int KernelLimit(SolverSpec spec) => Math.Min(spec.MaxN, StraightLineLimit(spec.Signature.Form));

    /// <summary>The kernel method for size n (1 ≤ n ≤ <see cref="KernelLimit"/>) of the spec's form.</summary>
    public static string MethodName(SolverSpec spec, int n) => spec.Signature.Form switch
    {
        SolveForm.Factored => FactoredSolveKernelEmitter.MethodName(n),
        SolveForm.Factor => FactorKernelEmitter.MethodName(n),
        SolveForm.Inverse => InverseKernelEmitter.MethodName(n),
        SolveForm.Batch => BatchKernelEmitter.MethodName(n),
        _ => KernelEmitter.MethodName(n),
    };

    /// <summary>
    /// The Vector512 kernel for size n that the dispatch prefers where <see cref="BatchWidth.WideSupported"/>,
    /// or null when n has none (every form but the batch, and the batch's sizes where it did not pay).
    /// </summary>
    public static string? WideMethodName(SolverSpec spec, int n) =>
        spec.Signature.Form == SolveForm.Batch && BatchWidth.Wide(spec.Signature.Element, n) is { } wide
            ? BatchKernelEmitter.MethodName(n, wide)
            : null;

    /// <summary>Emits the kernels for n = 1..<see cref="KernelLimit"/>, each after an empty line, then any helper they share.</summary>
    public static void EmitAll(SourceWriter w, SolverSpec spec)
    {
        for (int n = 1; n <= KernelLimit(spec); n++)
        {
            w.Line();
            switch (spec.Signature.Form)
            {
                case SolveForm.Factored:
                    FactoredSolveKernelEmitter.Emit(w, spec, n);
                    break;
                case SolveForm.Factor:
                    FactorKernelEmitter.Emit(w, spec, n);
                    break;
                case SolveForm.Inverse:
                    InverseKernelEmitter.Emit(w, spec, n);
                    break;
                case SolveForm.Batch:
                    BatchKernelEmitter.Emit(w, spec, n, BatchWidth.Narrow(spec.Signature.Element));
                    if (BatchWidth.Wide(spec.Signature.Element, n) is { } wide)
                    {
                        w.Line();
                        BatchKernelEmitter.Emit(w, spec, n, wide);
                    }

                    break;
                default:
                    KernelEmitter.Emit(w, spec, n);
                    break;
            }
        }

        if (spec.Signature.Form == SolveForm.Batch)
        {
            w.Line();
            BatchKernelEmitter.EmitReport(w);
            w.Line();
            BatchKernelEmitter.EmitTail(w, spec, KernelLimit(spec));
        }

        if (spec.MaxN <= KernelLimit(spec))
        {
            return;
        }

        if (spec.Signature.Form == SolveForm.Factor)
        {
            w.Line();
            FactorKernelEmitter.EmitFactorOnCopy(w, spec);
        }
        else if (spec.Signature.Form is SolveForm.InPlace or SolveForm.KeepInputs)
        {
            w.Line();
            LoopKernelEmitter.Emit(w, spec, VectorShape.For(spec.Signature.Element, spec.MaxN)!, spec.MaxN);
        }
    }

    /// <summary>The <c>Specialized.Cholesky</c> method that serves n above MaxN, as called from the dispatch (roles as argument names).</summary>
    public static string FallbackCall(SolverSpec spec)
    {
        SolverSignature sig = spec.Signature;
        string nrhs = sig.HasNrhs ? ParameterRoles.RhsCount : "1";
        return sig.Form switch
        {
            SolveForm.Factored => $"Cholesky.SolveFactored({ParameterRoles.Factor}, {ParameterRoles.Rhs}, n, {nrhs}, {Storage(spec)})",
            SolveForm.Factor => $"Cholesky.Factor({ParameterRoles.Matrix}, n, {Storage(spec)})",
            SolveForm.Inverse => $"Cholesky.Invert({ParameterRoles.Matrix}, {ParameterRoles.Inverse}, n, {Storage(spec)})",
            SolveForm.Batch => $"Cholesky.SolveBatch({ParameterRoles.Matrix}, {ParameterRoles.Rhs}, {ParameterRoles.Solution}, {ParameterRoles.Results}, n, {Storage(spec)})",
            SolveForm.KeepInputs => $"Cholesky.Solve({ParameterRoles.Matrix}, {ParameterRoles.Rhs}, {ParameterRoles.Solution}, n, {nrhs}, {Storage(spec)})",
            _ => $"Cholesky.Solve({ParameterRoles.Matrix}, {ParameterRoles.Rhs}, n, {nrhs}, {Storage(spec)})",
        };
    }

    /// <summary>The spec's triangle and layout as runtime arguments.</summary>
    public static string Storage(SolverSpec spec) =>
        $"Triangle.{(spec.Upper ? "Upper" : "Lower")}, MatrixLayout.{(spec.ColumnMajor ? "ColumnMajor" : "RowMajor")}";
}
