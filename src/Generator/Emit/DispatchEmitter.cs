using System.Linq;
using Specialized.Common;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>
/// Emits the user's partial method body (argument checks before any element is read, then one
/// call) and, in the kernels class, the switch on n into the unrolled kernels with the runtime
/// fallback above MaxN; a batch size with a Vector512 kernel calls it where that width is accelerated.
/// </summary>
internal static class DispatchEmitter
{
    public const string DispatchMethod = "Dispatch";

    public static void EmitBody(SourceWriter w, SolverSpec spec, string kernelsType)
    {
        SolverSignature sig = spec.Signature;
        string n = ParameterRoles.UserName(spec, ParameterRoles.Order)!;
        string? nrhs = ParameterRoles.UserName(spec, ParameterRoles.RhsCount);
        string? results = ParameterRoles.UserName(spec, ParameterRoles.Results);
        string rhsCount = nrhs is not null ? $"(long){n} * {nrhs}" : results is not null ? $"(long){results}.Length * {n}" : n;
        string matrixCount = results is not null ? $"(long){results}.Length * {n} * {n}" : $"(long){n} * {n}";
        string rhsShape = nrhs is not null ? "n x nrhs" : results is not null ? "n per system" : "n";

        EmitThrowIf(w, $"{n} < 0", $"new global::System.ArgumentOutOfRangeException(nameof({n}), {n}, \"n must be zero or positive.\")");
        if (nrhs is not null)
        {
            EmitThrowIf(w, $"{nrhs} < 0", $"new global::System.ArgumentOutOfRangeException(nameof({nrhs}), {nrhs}, \"nrhs must be zero or positive.\")");
        }

        foreach (string role in ParameterRoles.Of(sig).Where(ParameterRoles.IsSpan))
        {
            string name = ParameterRoles.UserName(spec, role)!;
            switch (role)
            {
                case ParameterRoles.Matrix:
                    EmitThrowIf(w, $"{matrixCount} > {name}.Length", results is null
                        ? $"new global::System.ArgumentException(\"The matrix needs n x n elements.\", nameof({name}))"
                        : $"new global::System.ArgumentException(\"The matrices need n x n elements per system.\", nameof({name}))");
                    break;
                case ParameterRoles.Results:
                    break;
                case ParameterRoles.Factor:
                    EmitThrowIf(w, $"(long){n} * {n} > {name}.Length", $"new global::System.ArgumentException(\"The factor needs n x n elements.\", nameof({name}))");
                    break;
                case ParameterRoles.Inverse:
                    EmitThrowIf(w, $"(long){n} * {n} > {name}.Length", $"new global::System.ArgumentException(\"The inverse needs n x n elements.\", nameof({name}))");
                    break;
                case ParameterRoles.Rhs:
                    EmitThrowIf(w, $"{rhsCount} > {name}.Length", $"new global::System.ArgumentException(\"The right-hand side needs {rhsShape} elements.\", nameof({name}))");
                    break;
                default:
                    EmitThrowIf(w, $"{rhsCount} > {name}.Length", $"new global::System.ArgumentException(\"The solution needs {rhsShape} elements.\", nameof({name}))");
                    break;
            }
        }

        string args = string.Join(", ", spec.Parameters.Select(p => p.Name));
        if (sig.ReturnsVoid)
        {
            w.Line($"{kernelsType}.{DispatchMethod}({args});");
        }
        else
        {
            w.Line($"return {kernelsType}.{DispatchMethod}({args}){(sig.ReturnsSolveResult ? "" : ".Success")};");
        }
    }

    /// <summary>The dispatch of the kernels class: the sizes, kernels, shared kernel and fallback are the form's.</summary>
    public static void EmitSwitch(SourceWriter w, SolverSpec spec, CholeskyFormDescriptor form)
    {
        SolverSignature sig = spec.Signature;
        string t = ScalarSyntax.For(sig.Element).Keyword;
        string[] roles = ParameterRoles.Of(sig);
        string parameters = string.Join(", ", roles.Select(role => ParameterRoles.TypeOf(sig, role) + " " + role));

        w.Line($"/// <summary>Runs the kernel for n; the caller has checked n{(sig.HasNrhs ? ", nrhs" : "")} and every span's length.</summary>");
        // Inlined into the partial method, so the smallest sizes, whose kernels inline too, cost one call.
        w.Line("[MethodImpl(MethodImplOptions.AggressiveInlining)]");
        w.Open($"public static {(sig.ReturnsVoid ? "void" : "SolveResult")} {DispatchMethod}({parameters})");
        foreach (string role in roles.Where(ParameterRoles.IsSpan))
        {
            w.Line($"ref {ParameterRoles.ElementOf(sig, role)} r{role} = ref MemoryMarshal.GetReference({role});");
        }

        string kernelArgs = form.KernelArguments(sig);
        string fallback = form.FallbackCall(spec);
        if (form.VectorMinOrder is int vectorFrom && spec.MaxN >= vectorFrom)
        {
            // The JIT folds the hardware test, so on AVX2 + FMA machines this costs nothing.
            w.Open(vectorFrom <= 1 ? $"if (!({VectorShape.Supported}))" : $"if (!({VectorShape.Supported}) && n >= {SourceWriter.Int(vectorFrom)})");
            EmitCall(w, sig, form.WithoutVectorsCall(spec) is { } portable ? $"n <= {SourceWriter.Int(spec.MaxN)} ? {portable} : {fallback}" : fallback, indent: "");
            w.Close();
            w.Line();
        }

        w.Open("switch (n)");
        w.Line("case 0:");
        if (form.ZeroOrderCall(spec) is { } zeroOrder)
        {
            EmitCall(w, sig, zeroOrder);
        }
        else
        {
            w.Line(sig.ReturnsVoid ? "    return;" : "    return SolveResult.Succeeded;");
        }

        for (int size = 1; size <= form.KernelLimit(spec); size++)
        {
            w.Line($"case {SourceWriter.Int(size)}:");
            if (form.WideKernelMethodName(sig.Element, size) is { } wide)
            {
                string limit = form.WideKernelLimit(sig.Element, size) is { } condition ? " && " + condition : "";
                w.Line($"    if ({BatchWidth.WideSupported}{limit})");
                w.Line("    {");
                EmitCall(w, sig, $"{wide}({kernelArgs})", indent: "        ");
                w.Line("    }");
                w.Line();
            }

            EmitCall(w, sig, $"{form.KernelMethodName(size)}({kernelArgs})");
        }

        if (form.SharedKernelCall(spec, kernelArgs) is { } shared)
        {
            for (int size = form.KernelLimit(spec) + 1; size <= spec.MaxN; size++)
            {
                w.Line($"case {SourceWriter.Int(size)}:");
            }

            EmitCall(w, sig, shared);
        }

        w.Line("default:");
        EmitCall(w, sig, fallback);
        w.Close();
        w.Close();
    }

    private static void EmitCall(SourceWriter w, SolverSignature sig, string call, string indent = "    ")
    {
        if (sig.ReturnsVoid)
        {
            w.Line($"{indent}{call};");
            w.Line($"{indent}return;");
        }
        else
        {
            w.Line($"{indent}return {call};");
        }
    }

    /// <summary>An argument check: <c>if (condition) throw exception;</c> and an empty line.</summary>
    public static void EmitThrowIf(SourceWriter w, string condition, string exception)
    {
        w.Open($"if ({condition})");
        w.Line($"throw {exception};");
        w.Close();
        w.Line();
    }
}
