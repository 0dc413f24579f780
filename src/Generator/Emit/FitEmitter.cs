using System.Linq;
using Specialized.Common;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>
/// Emits a [LeastSquares] method's body (argument checks before any element is read, then one call),
/// the switch on cols into the per-column-count kernels with the runtime fallback above MaxCols, and the
/// class that holds the [SpdSolve] kernels the fits solve their normal equations with.
/// </summary>
internal static class FitEmitter
{
    /// <summary>The nested class of the normal-equation solvers: a keep-inputs [SpdSolve], lower triangle, row-major, MaxN = MaxCols.</summary>
    public const string NormalEquationsClass = "NormalEquations";

    /// <summary>The spec of the solver for the Gram matrices of order 1..<paramref name="kernelLimit"/>.</summary>
    private static SolverSpec NormalEquations(SolverSpec spec, int kernelLimit) => spec with
    {
        Signature = new SolverSignature(SolverKind.SpdSolve, SolveForm.KeepInputs, spec.Signature.Element, ReturnsSolveResult: true, HasNrhs: false),
        MaxN = kernelLimit,
        Upper = false,
        ColumnMajor = false,
        Refine = false,
    };

    public static void EmitBody(SourceWriter w, SolverSpec spec, string kernelsType)
    {
        SolverSignature sig = spec.Signature;
        string rows = ParameterRoles.UserName(spec, ParameterRoles.Rows)!;
        string cols = ParameterRoles.UserName(spec, ParameterRoles.Cols)!;
        string a = ParameterRoles.UserName(spec, ParameterRoles.Matrix)!;
        string b = ParameterRoles.UserName(spec, ParameterRoles.Rhs)!;
        string x = ParameterRoles.UserName(spec, ParameterRoles.Solution)!;
        DispatchEmitter.EmitThrowIf(w, $"{rows} < 0", $"new global::System.ArgumentOutOfRangeException(nameof({rows}), {rows}, \"rows must be zero or positive.\")");
        DispatchEmitter.EmitThrowIf(w, $"{cols} < 0", $"new global::System.ArgumentOutOfRangeException(nameof({cols}), {cols}, \"cols must be zero or positive.\")");
        DispatchEmitter.EmitThrowIf(w, $"{rows} < {cols}", $"new global::System.ArgumentException(\"A least-squares fit needs at least as many rows as columns.\", nameof({rows}))");
        DispatchEmitter.EmitThrowIf(w, $"(long){rows} * {cols} > {a}.Length", $"new global::System.ArgumentException(\"The matrix needs rows x cols elements.\", nameof({a}))");
        DispatchEmitter.EmitThrowIf(w, $"{rows} > {b}.Length", $"new global::System.ArgumentException(\"The observations need rows elements.\", nameof({b}))");
        if (ParameterRoles.UserName(spec, ParameterRoles.Weights) is { } weights)
        {
            DispatchEmitter.EmitThrowIf(w, $"{rows} > {weights}.Length", $"new global::System.ArgumentException(\"The weights need rows elements.\", nameof({weights}))");
        }

        DispatchEmitter.EmitThrowIf(w, $"{cols} > {x}.Length", $"new global::System.ArgumentException(\"The solution needs cols elements.\", nameof({x}))");
        if (ParameterRoles.UserName(spec, ParameterRoles.Ridge) is { } ridge)
        {
            ScalarSyntax t = ScalarSyntax.For(sig.Element);
            DispatchEmitter.EmitThrowIf(w, $"!({ridge} >= {t.Zero} && {t.Keyword}.IsFinite({ridge}))", $"new global::System.ArgumentOutOfRangeException(nameof({ridge}), {ridge}, \"ridge must be finite and zero or positive.\")");
        }

        string args = string.Join(", ", spec.Parameters.Select(p => p.Name));
        w.Line($"return {kernelsType}.{DispatchEmitter.DispatchMethod}({args}){(sig.ReturnsSolveResult ? "" : ".Success")};");
    }

    /// <summary>The dispatch of the kernels class: one kernel per column count up to the form's limit, then the form's fallback.</summary>
    public static void EmitSwitch(SourceWriter w, SolverSpec spec, SolveFormDescriptor form)
    {
        SolverSignature sig = spec.Signature;
        string[] roles = ParameterRoles.Of(sig);
        string parameters = string.Join(", ", roles.Select(role => ParameterRoles.TypeOf(sig, role) + " " + role));
        w.Line("/// <summary>Runs the kernel for cols; the caller has checked rows, cols, the ridge and every span's length.</summary>");
        w.Open($"public static SolveResult {DispatchEmitter.DispatchMethod}({parameters})");
        foreach (string role in roles.Where(ParameterRoles.IsSpan))
        {
            w.Line($"ref {ParameterRoles.ElementOf(sig, role)} r{role} = ref MemoryMarshal.GetReference({role});");
        }

        w.Open($"if (!({VectorShape.Supported}))");
        w.Line($"return {form.FallbackCall(spec)};");
        w.Close();
        w.Line();
        if (!spec.ColumnMajor)
        {
            EmitPrefetchHead(w, spec.Signature);
        }

        string kernelArgs = string.Join(", ", roles.Where(role => role != ParameterRoles.Cols).Select(role => ParameterRoles.IsSpan(role) ? "ref r" + role : role));
        w.Open($"switch ({ParameterRoles.Cols})");
        w.Line("case 0:");
        w.Line("    return SolveResult.Succeeded;");
        for (int cols = 1; cols <= form.KernelLimit(spec); cols++)
        {
            w.Line($"case {SourceWriter.Int(cols)}:");
            w.Line($"    return {GramKernelEmitter.MethodName(cols)}({kernelArgs});");
        }

        w.Line("default:");
        w.Line($"    return {form.FallbackCall(spec)};");
        w.Close();
        w.Close();
    }

    /// <summary>
    /// Hints for the first <see cref="GramKernelEmitter.PrefetchBytes"/> of a row-major A, and for the same
    /// rows of b (and w), before the kernel runs: its own hints run that far ahead, so without these a
    /// fit's first 4 KiB arrive one demand miss at a time. 10,000 float fits of 200..1000 x 6, fit ÷ one
    /// read pass of A and b, alternating runs: 1.20, 1.20, 1.20, 1.30 without against 1.15, 1.13, 1.14,
    /// 1.16 with (A only). Element k of A lies in row k / cols, below rows.
    /// </summary>
    private static void EmitPrefetchHead(SourceWriter w, SolverSignature sig)
    {
        int size = sig.Element == ElementType.Double ? 8 : 4;
        string cols = ParameterRoles.Cols;
        w.Line($"// A's first {SourceWriter.Int(GramKernelEmitter.PrefetchBytes)} bytes and their rows of b{(sig.HasWeights ? " and w" : "")}: the kernels ask that far ahead, as hardware prefetch lags.");
        w.Open($"for (int k = 0; k < {ParameterRoles.Rows} * {cols} && k < {SourceWriter.Int(GramKernelEmitter.PrefetchBytes / size)}; k += {SourceWriter.Int(64 / size)})");
        w.Line($"KernelHints.Prefetch(in Unsafe.Add(ref r{ParameterRoles.Matrix}, k));");
        w.Line($"KernelHints.Prefetch(in Unsafe.Add(ref r{ParameterRoles.Rhs}, k / {cols}));");
        if (sig.HasWeights)
        {
            w.Line($"KernelHints.Prefetch(in Unsafe.Add(ref r{ParameterRoles.Weights}, k / {cols}));");
        }

        w.Close();
        w.Line();
    }

    /// <summary>The kernels for cols = 1..<paramref name="kernelLimit"/>, then the normal-equation solvers they call.</summary>
    public static void EmitKernels(SourceWriter w, SolverSpec spec, int kernelLimit)
    {
        for (int cols = 1; cols <= kernelLimit; cols++)
        {
            w.Line();
            GramKernelEmitter.Emit(w, spec, cols);
        }

        if (!spec.ColumnMajor)
        {
            w.Line();
            GramKernelEmitter.EmitCopyHelper(w, spec.Signature);
        }

        SolverSpec normal = NormalEquations(spec, kernelLimit);
        w.Line();
        w.Line("/// <summary>The Cholesky solve of each fit's normal equations: [SpdSolve] kernels for the Gram matrix (lower triangle, row-major).</summary>");
        w.Open($"private static class {NormalEquationsClass}");
        SolveFormDescriptor.For(normal).EmitKernelsClass(w, normal);
        w.Close();
    }
}
